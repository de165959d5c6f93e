using Microsoft.Bot.Schema;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Admin;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Editing one article, the same in the chat card and in the dialog: opening it, drawing the submitted form again
/// (after a preview, or with a source added or removed) and saving or publishing it. The form keeps the item version
/// it was opened with until the admin's own save, so a change someone else made meanwhile is never overwritten.
/// </summary>
public sealed class ArticleEditor(KnowledgeAdmin admin, KnowledgeRefresher refresher, TimeProvider timeProvider)
{
    public ArticleEditorState New(string question) =>
        new(KnowledgeAdmin.NewArticle(question, Today()), null, IsNew: true, ItemVersion: null, AdminMessage.None);

    /// <summary>The stored article (its newest draft when there is one); null when it does not exist.</summary>
    public async Task<ArticleEditorState?> OpenAsync(string key, CancellationToken cancellationToken) =>
        State(await admin.ArticleAsync(key, cancellationToken), key, AdminMessage.None);

    /// <summary>The submitted form drawn again, unsaved, with <paramref name="message"/>.</summary>
    public async Task<ArticleEditorState> RedrawAsync(AdminCardData data, ArticleDraft form, AdminMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (draft, current) = await admin.CompleteFormAsync(data.Key, data.IsNew, form, cancellationToken);
        return new ArticleEditorState(draft, current?.Item, data.IsNew, data.ItemVersion, message) { ChangeSummary = data.Text("changeSummary") };
    }

    /// <summary>Saves the submitted form as a draft, and publishes it when asked and the checks allow.</summary>
    public async Task<ArticleEditorState> SaveAsync(AdminCardData data, KnowledgeActor actor, bool publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (form, problems) = ArticleForm.Read(data.Values, data.Key);
        if (problems.Count > 0)
        {
            return await RedrawAsync(data, form, AdminMessage.FormInvalid(problems), cancellationToken);
        }

        var saved = await admin.SaveArticleAsync(new SaveArticle(data.Key, data.IsNew, form, data.ItemVersion, data.Text("changeSummary"), publish, actor), cancellationToken);
        await RefreshIfAnswersChangedAsync(saved.Change, cancellationToken);
        var message = AdminMessage.Saved(saved.Change);
        if (!saved.Change.Saved.Succeeded)
        {
            // Nothing was stored: the form keeps what the admin typed and the version it was opened with.
            return new ArticleEditorState(saved.Draft, saved.Before?.Item, data.IsNew, data.ItemVersion, message) { ChangeSummary = data.Text("changeSummary") };
        }

        return (State(saved.After, data.Key, message) ?? new ArticleEditorState(saved.Draft, null, data.IsNew, data.ItemVersion, message))
            with { IsPublished = saved.Change.Final.Result == EditResult.Published };
    }

    public async Task<ArticleEditorState?> UnpublishAsync(UnpublishArticle command, CancellationToken cancellationToken)
    {
        var done = await admin.UnpublishAsync(command, cancellationToken);
        await RefreshIfAnswersChangedAsync(done.Change, cancellationToken);
        return State(done.After, command.Key, AdminMessage.Unpublished(done.Change));
    }

    // The admin's next question should already get the new text, not wait for the background refresh.
    public async Task RefreshIfAnswersChangedAsync(KnowledgeChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.ChangesAnswers)
        {
            await refresher.RefreshAsync(cancellationToken);
        }
    }

    public static KnowledgeActor ActorOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new KnowledgeActor(activity.From.AadObjectId, activity.From.Name ?? AdminTexts.UnnamedAdmin);
    }

    private ArticleEditorState? State(ArticleEdit? edit, string key, AdminMessage message) =>
        edit is null ? null : new ArticleEditorState(edit.Draft ?? ArticleDraft.New(key, string.Empty, Today()), edit.Item, IsNew: false, edit.Item.ItemVersion, message);

    private DateOnly Today() => SessionClock.Today(timeProvider.GetUtcNow());
}

/// <summary>An article as the form shows it.</summary>
/// <param name="Item">The stored article; null for a new one.</param>
/// <param name="ItemVersion">The item version the form saves against; null for a new article.</param>
public sealed record ArticleEditorState(ArticleDraft Draft, KnowledgeItemDetails? Item, bool IsNew, int? ItemVersion, AdminMessage Message)
{
    /// <summary>Whether this very step published the article.</summary>
    public bool IsPublished { get; init; }

    /// <summary>What the admin wrote about the change, kept when nothing was saved.</summary>
    public string ChangeSummary { get; init; } = string.Empty;
}
