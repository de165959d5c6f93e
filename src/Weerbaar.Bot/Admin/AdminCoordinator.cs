using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Bot.Questions;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Admin;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Knowledge admin in Teams: <c>beheer</c> and its cards. A verb or typed command becomes a command of
/// <see cref="KnowledgeAdmin"/>, whose result is drawn as the next card. Every verb checks the sender's rights itself,
/// so a forged invoke gets the same "geen toegang" as a typed command. A change to what users are answered from
/// rebuilds this instance's index at once.
/// </summary>
public sealed class AdminCoordinator(
    AdminPolicy policy,
    KnowledgeAdmin admin,
    AdminCards cards,
    ArticleEditor editor,
    ArticlePreview preview,
    KnowledgeSearch search,
    IOptions<AdminOptions> options,
    TimeProvider timeProvider,
    ILogger<AdminCoordinator> logger) : ICardActionHandler, ITypedCommandHandler
{
    public int Order => TypedCommandOrder.Admin;

    public bool CanHandle(string verb, JObject? data) => AdminVerb.IsAdminVerb(verb);

    /// <summary>Handles typed <c>beheer …</c>; false when the text is not an admin command.</summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!AdminCommands.IsTyped(text, out var words))
        {
            return false;
        }

        if (policy.Refusal(turnContext.Activity) is string refusal)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(refusal), cancellationToken);
            return true;
        }

        var card = AdminCommands.ForTyped(words) is AdminCommand command ? await RunAsync(command.Kind, turnContext, AdminCardData.None, cancellationToken) : null;
        await turnContext.SendActivityAsync(card is null ? MessageFactory.Text(AdminTexts.UnknownCommand) : MessageFactory.Attachment(card), cancellationToken);
        return true;
    }

    /// <summary>Carries out an admin card button; the returned card replaces the pressed one.</summary>
    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var logName = AdminCommands.LogNameOf(verb);
        if (policy.Refusal(turnContext.Activity) is string refusal)
        {
            Log.AdminRefused(logger, logName);
            return CardActionResult.Answer(refusal);
        }

        if (verb == AdminVerb.PreviewButton)
        {
            return CardActionResult.Answer(AdminTexts.PreviewButtonPressed);
        }

        var card = AdminCommands.ForVerb(verb) is AdminCommand command ? await RunAsync(command.Kind, turnContext, new AdminCardData(data), cancellationToken) : null;
        Log.AdminAction(logger, logName, card is null ? "stale" : "done");
        return card is null ? CardActionResult.Answer(AdminTexts.StaleCard) : CardActionResult.WithCard(card, AdminTexts.StaleCard);
    }

    // Null when the card no longer fits what is stored (or never did): the admin is asked to start again.
    private async Task<Attachment?> RunAsync(AdminCommandKind kind, ITurnContext turnContext, AdminCardData data, CancellationToken cancellationToken)
    {
        var tenant = ActivityTenant.Of(turnContext.Activity);
        var actor = ArticleEditor.ActorOf(turnContext.Activity);
        return kind switch
        {
            AdminCommandKind.Home => await HomeAsync(null, cancellationToken),
            AdminCommandKind.Search => await HomeAsync(data.Text("query"), cancellationToken),
            AdminCommandKind.New => cards.Article(editor.New(string.Empty)),
            AdminCommandKind.NewFromQuestion => cards.Article(editor.New(data.Text("question"))),
            AdminCommandKind.Edit when data.Kind == KnowledgeKind.Article => Article(await editor.OpenAsync(data.Key, cancellationToken)),
            AdminCommandKind.Edit or AdminCommandKind.Blocks => await admin.TextPartAsync(data.Kind, data.Part, cancellationToken) is TextPartEdit edit ? cards.Text(edit, AdminMessage.None) : null,
            AdminCommandKind.Preview => await PreviewAsync(turnContext, data, cancellationToken),
            AdminCommandKind.Save or AdminCommandKind.Publish => cards.Article(await editor.SaveAsync(data, actor, kind == AdminCommandKind.Publish, cancellationToken)),
            AdminCommandKind.SaveText or AdminCommandKind.PublishText when data.ItemVersion is int expected =>
                await SaveTextAsync(new SaveTextPart(data.Kind, data.Part, data.Text("text"), expected, data.Text("changeSummary"), kind == AdminCommandKind.PublishText, actor), cancellationToken),
            AdminCommandKind.Unpublish when data.ItemVersion is int expected => Article(await editor.UnpublishAsync(new UnpublishArticle(data.Key, expected, actor), cancellationToken)),
            AdminCommandKind.History => await admin.HistoryAsync(data.Kind, data.Key, cancellationToken) is KnowledgeItemDetails item ? cards.History(item, AdminMessage.None) : null,
            AdminCommandKind.Rollback when data.ItemVersion is int expected => await RollBackAsync(new RollBack(data.Kind, data.Key, data.Number, expected, actor), cancellationToken),
            AdminCommandKind.Log => cards.Log(await admin.AuditTrailAsync(cancellationToken)),
            AdminCommandKind.Questions => cards.Questions(await admin.QuestionsAsync(tenant, cancellationToken), AdminMessage.None),
            AdminCommandKind.OutOfScope => await OutOfScopeAsync(tenant, data.Text("normalized"), cancellationToken),
            AdminCommandKind.Feedback => cards.Feedback(await admin.FeedbackAsync(tenant, cancellationToken), search.Knowledge.Set.ArticlesById),
            _ => null,
        };
    }

    /// <summary>The admin home card; <paramref name="query"/> is a search typed on it.</summary>
    public async Task<Attachment> HomeAsync(string? query, CancellationToken cancellationToken)
    {
        var days = options.Value.StaleAfterDays;
        var overview = await admin.OverviewAsync(query, Today().AddDays(-days), cancellationToken);
        return cards.Home(overview, query ?? string.Empty, days, AdminMessage.None);
    }

    private async Task<Attachment> PreviewAsync(ITurnContext turnContext, AdminCardData data, CancellationToken cancellationToken)
    {
        var state = await editor.RedrawAsync(data, ArticleForm.Read(data.Values, data.Key).Draft, AdminMessage.None, cancellationToken);
        if (preview.Message(state.Draft) is not IMessageActivity message)
        {
            return cards.Article(state with { Message = new AdminMessage(AdminTexts.PreviewImpossible, IsProblem: true) });
        }

        await turnContext.SendActivityAsync(message, cancellationToken);
        return cards.Article(state with { Message = new AdminMessage(AdminTexts.PreviewBelow) });
    }

    private async Task<Attachment?> SaveTextAsync(SaveTextPart command, CancellationToken cancellationToken)
    {
        var saved = await admin.SaveTextPartAsync(command, cancellationToken);
        if (saved?.Change is KnowledgeChange change)
        {
            await editor.RefreshIfAnswersChangedAsync(change, cancellationToken);
        }

        return saved?.Shown is TextPartEdit shown ? cards.Text(shown, saved.Change is null ? AdminMessage.Conflict : AdminMessage.Saved(saved.Change)) : null;
    }

    private async Task<Attachment?> RollBackAsync(RollBack command, CancellationToken cancellationToken)
    {
        var done = await admin.RollBackAsync(command, cancellationToken);
        await editor.RefreshIfAnswersChangedAsync(done.Change, cancellationToken);
        return done.After is KnowledgeItemDetails item ? cards.History(item, AdminMessage.RolledBack(done)) : null;
    }

    private async Task<Attachment> OutOfScopeAsync(string tenant, string normalizedText, CancellationToken cancellationToken)
    {
        var marked = await admin.MarkOutOfScopeAsync(tenant, normalizedText, cancellationToken);
        return cards.Questions(marked.Remaining, new AdminMessage(AdminTexts.OutOfScope(marked.Count)));
    }

    private Attachment? Article(ArticleEditorState? state) => state is null ? null : cards.Article(state);

    private DateOnly Today() => SessionClock.Today(timeProvider.GetUtcNow());
}
