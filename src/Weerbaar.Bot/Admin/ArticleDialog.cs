using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The article editor as a Teams dialog, opened with "Bewerken" on the article card. The dialog keeps nothing on the
/// server between its steps: every button carries the article, the item version the form was opened with and the
/// form's shape, and the form's inputs come along. A preview, an added or removed source row and a refused save draw
/// the form again with what was typed; publishing closes the dialog and posts the article card in the chat. Every
/// step checks the sender's rights, so a forged request gets "geen toegang" and changes nothing.
/// </summary>
public sealed class ArticleDialog(
    AdminPolicy policy,
    ArticleEditor editor,
    ArticlePreview preview,
    AdminCards cards,
    AdminCoordinator coordinator,
    ILogger<ArticleDialog> logger) : IDialogHandler
{
    public const string Name = "adminArticle";

    /// <summary>A button of the preview: it only says that it is a preview.</summary>
    public const string PreviewButtonMove = "previewButton";

    // The steps the dialog's buttons name; anything else is logged as "unknown", since the value comes from the client.
    private static readonly FrozenSet<string> Moves = FrozenSet.Create(StringComparer.Ordinal, "open", "home", "save", "publish", "preview", "addSource", "removeSource", PreviewButtonMove);

    public bool CanHandle(string dialog) => dialog == Name;

    public async Task<DialogResult> FetchAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Refusal(turnContext, "open") is string refusal)
        {
            return DialogResult.Say(refusal);
        }

        var card = new AdminCardData(data);
        var state = card.IsNew ? editor.New(card.Text("title")) : await editor.OpenAsync(card.Key, cancellationToken);
        Log.ArticleDialog(logger, "open", state is null ? "stale" : "shown");
        return state is null ? DialogResult.Say(AdminTexts.StaleCard) : Show(state, null);
    }

    public async Task<DialogResult> SubmitAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var move = CardData.Text(data, "move") ?? string.Empty;
        if (Refusal(turnContext, move) is string refusal)
        {
            return DialogResult.Say(refusal);
        }

        var card = new AdminCardData(data);
        switch (move)
        {
            case "home":
                await turnContext.SendActivityAsync(MessageFactory.Attachment(await coordinator.HomeAsync(null, cancellationToken)), cancellationToken);
                Log.ArticleDialog(logger, move, "closed");
                return DialogResult.Close();
            case "save" or "publish":
                return await SaveAsync(turnContext, card, publish: move == "publish", cancellationToken);
            case "preview":
                return await PreviewAsync(card, cancellationToken);
            case "addSource":
                return await RedrawAsync(card, ArticleForm.Read(card.Values, card.Key).Draft, new AdminMessage(AdminTexts.SourceAdded), emptySourceRows: 1, cancellationToken);
            case "removeSource" when Row(data) is int row:
                return await RedrawAsync(card, ArticleForm.Read(card.Values, card.Key, row).Draft, new AdminMessage(AdminTexts.SourceRemoved), emptySourceRows: 0, cancellationToken);
            case PreviewButtonMove:
                return await RedrawAsync(card, ArticleForm.Read(card.Values, card.Key).Draft, new AdminMessage(AdminTexts.PreviewButtonPressed), emptySourceRows: 0, cancellationToken);
            default:
                Log.ArticleDialog(logger, "unknown", "refused");
                return DialogResult.Say(ConversationTexts.UnknownCardAction);
        }
    }

    private async Task<DialogResult> SaveAsync(ITurnContext turnContext, AdminCardData card, bool publish, CancellationToken cancellationToken)
    {
        var state = await editor.SaveAsync(card, ArticleEditor.ActorOf(turnContext.Activity), publish, cancellationToken);
        Log.ArticleDialog(logger, publish ? "publish" : "save", state.IsPublished ? "published" : state.Message.IsProblem ? "refused" : "saved");
        if (!state.IsPublished)
        {
            return Show(state, null);
        }

        // Published: the dialog is done; the chat shows the article card with what happened.
        await turnContext.SendActivityAsync(MessageFactory.Attachment(cards.Article(state)), cancellationToken);
        return DialogResult.Close();
    }

    private async Task<DialogResult> PreviewAsync(AdminCardData card, CancellationToken cancellationToken)
    {
        var state = await editor.RedrawAsync(card, ArticleForm.Read(card.Values, card.Key).Draft, AdminMessage.None, cancellationToken);
        var shown = preview.Card(state.Draft, inDialog: true);
        Log.ArticleDialog(logger, "preview", shown is null ? "impossible" : "shown");
        return shown is null
            ? Show(state with { Message = new AdminMessage(AdminTexts.PreviewImpossible, IsProblem: true) }, null)
            : Show(state with { Message = new AdminMessage(AdminTexts.PreviewAbove) }, shown);
    }

    private async Task<DialogResult> RedrawAsync(AdminCardData card, ArticleDraft form, AdminMessage message, int emptySourceRows, CancellationToken cancellationToken) =>
        Show(await editor.RedrawAsync(card, form, message, cancellationToken), null, emptySourceRows);

    private DialogResult Show(ArticleEditorState state, JsonNode? previewCard, int emptySourceRows = 0) =>
        DialogResult.Show(AdminCards.ArticleDialogTitle(state), CardAttachment.From(cards.ArticleDialog(state, previewCard, emptySourceRows)), DialogSize.Large);

    private string? Refusal(ITurnContext turnContext, string move)
    {
        var refusal = policy.Refusal(turnContext.Activity);
        if (refusal is not null)
        {
            Log.AdminRefused(logger, $"{Name}/{(Moves.Contains(move) ? move : "unknown")}");
        }

        return refusal;
    }

    private static int? Row(JObject data) =>
        int.TryParse(CardData.Text(data, "row"), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < ArticleForm.MaxSourceRows ? row : null;
}
