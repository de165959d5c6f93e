using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Admin;

/// <summary>
/// The knowledge admin's actions, whatever client they come from: each loads what it needs, decides, saves through the
/// <see cref="KnowledgeEditor"/> with the item version the admin saw, and returns what happened together with the
/// state to show next. It never touches the search index: a result whose <see cref="KnowledgeChange.ChangesAnswers"/>
/// is true tells the caller to rebuild it.
/// </summary>
public sealed class KnowledgeAdmin(KnowledgeEditor editor, KnowledgeSearch search, UnansweredQuestionLog unanswered, FeedbackStore feedback)
{
    /// <summary>The longest list an admin gets at once (search results, drafts, history, log, questions).</summary>
    public const int ListedRows = 25;

    /// <summary>Comments shown per article in the feedback list.</summary>
    public const int CommentsPerArticle = 3;

    // Change summaries are stored in the audit trail, which admins read in Dutch.
    private const string NewArticleSummary = "Nieuw artikel";
    private const string EditedSummary = "Bewerkt";

    public async Task<AdminOverview> OverviewAsync(string? query, DateOnly staleBefore, CancellationToken cancellationToken)
    {
        var articles = search.Knowledge.Set.Articles;
        var drafts = await editor.ListDraftsAsync(cancellationToken);
        var stale = articles.Where(a => a.LastChecked < staleBefore).OrderBy(a => a.LastChecked).ToList();
        var searched = query?.Trim() ?? string.Empty;
        return new AdminOverview(articles.Count, drafts, stale, searched, searched.Length == 0 ? [] : Find(searched, articles, drafts));
    }

    public async Task<ArticleEdit?> ArticleAsync(string key, CancellationToken cancellationToken) =>
        await editor.GetAsync(KnowledgeKind.Article, key, cancellationToken) is KnowledgeItemDetails item
            ? new ArticleEdit(item, ArticleDraft.Read(KnowledgePaths.For(KnowledgeKind.Article, key), item.LatestContent))
            : null;

    /// <summary>A new article's form, drawn from a question users asked (empty for a blank one), with an id made from it.</summary>
    public static ArticleDraft NewArticle(string question, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ArticleDraft.New(SuggestId(question), question, today);
    }

    /// <summary>The article form as saving would store it (the stored fields it does not show added), with the article it edits.</summary>
    public async Task<CompletedForm> CompleteFormAsync(string key, bool isNew, ArticleDraft form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = isNew ? null : await ArticleAsync(key, cancellationToken);
        return new CompletedForm(WithStoredFields(form, current?.Draft), current);
    }

    public async Task<ArticleSaved> SaveArticleAsync(SaveArticle command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (draft, before) = await CompleteFormAsync(command.Key, command.IsNew, command.Form, cancellationToken);
        var content = draft.ToFileText();
        var summary = command.ChangeSummary.Trim() is { Length: > 0 } given ? given : command.IsNew ? NewArticleSummary : EditedSummary;
        var item = before?.Item;
        // Nothing changed since the latest version (or a double click): publish that version instead of copying it.
        var saved = item is not null && item.LatestContent == content && item.ItemVersion == command.ExpectedItemVersion
            ? new EditOutcome(EditResult.Saved, item.ItemVersion, item.LatestNumber)
            : await editor.SaveDraftAsync(KnowledgeKind.Article, command.Key, content, command.Actor, summary,
                command.IsNew ? null : command.ExpectedItemVersion ?? -1, cancellationToken);
        if (!saved.Succeeded)
        {
            return new ArticleSaved(new KnowledgeChange(command.Key, saved), draft, before, null);
        }

        var final = await PublishIfAskedAsync(KnowledgeKind.Article, command.Key, saved, command.Actor, command.Publish, cancellationToken);
        return new ArticleSaved(new KnowledgeChange(command.Key, saved, final), draft, before, await ArticleAsync(command.Key, cancellationToken));
    }

    public async Task<ArticleUnpublished> UnpublishAsync(UnpublishArticle command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await editor.UnpublishAsync(KnowledgeKind.Article, command.Key, command.Actor, command.ExpectedItemVersion, cancellationToken);
        return new ArticleUnpublished(new KnowledgeChange(command.Key, outcome), await ArticleAsync(command.Key, cancellationToken));
    }

    public Task<KnowledgeItemDetails?> HistoryAsync(KnowledgeKind kind, string key, CancellationToken cancellationToken) =>
        editor.GetAsync(kind, key, cancellationToken);

    public async Task<RollbackDone> RollBackAsync(RollBack command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await editor.RollbackAsync(command.Kind, command.Key, command.Number, command.Actor, command.ExpectedItemVersion, cancellationToken);
        return new RollbackDone(new KnowledgeChange(command.Key, outcome), await editor.GetAsync(command.Kind, command.Key, cancellationToken));
    }

    /// <summary>The resources catalogue or the scenario at part <paramref name="part"/> (clamped); null for any other kind.</summary>
    public async Task<TextPartEdit?> TextPartAsync(KnowledgeKind kind, int part, CancellationToken cancellationToken)
    {
        if (!IsText(kind) || await editor.GetAsync(kind, TextKey(kind), cancellationToken) is not KnowledgeItemDetails item)
        {
            return null;
        }

        var parts = TextParts.Split(item.LatestContent);
        var index = Math.Clamp(part, 0, parts.Count - 1);
        return new TextPartEdit(kind, item, parts, index, parts[index]);
    }

    /// <summary>Null when there is no such file to edit.</summary>
    public async Task<TextPartSaved?> SaveTextPartAsync(SaveTextPart command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfNegative(command.Part);
        if (!IsText(command.Kind) || await editor.GetAsync(command.Kind, TextKey(command.Kind), cancellationToken) is not KnowledgeItemDetails item)
        {
            return null;
        }

        var key = item.Key;
        var parts = TextParts.Split(item.LatestContent).ToList();
        var index = command.Part;
        // The parts are counted on the version the card was drawn with; on any other version the index could name another entry.
        if (index >= parts.Count || item.ItemVersion != command.ExpectedItemVersion)
        {
            return new TextPartSaved(null, new TextPartEdit(command.Kind, item, parts, Math.Min(index, parts.Count - 1), command.Text));
        }

        parts[index] = command.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + (index == parts.Count - 1 ? string.Empty : "\n");
        var summary = command.ChangeSummary.Trim() is { Length: > 0 } given ? given : $"Onderdeel {TextParts.NameOf(parts[index], index)} bewerkt";
        var saved = await editor.SaveDraftAsync(command.Kind, key, TextParts.Join(parts), command.Actor, summary, command.ExpectedItemVersion, cancellationToken);
        var change = saved.Succeeded
            ? new KnowledgeChange(key, saved, await PublishIfAskedAsync(command.Kind, key, saved, command.Actor, command.Publish, cancellationToken))
            : new KnowledgeChange(key, saved);
        return new TextPartSaved(change, await TextPartAsync(command.Kind, index, cancellationToken));
    }

    public Task<IReadOnlyList<KnowledgeAuditEntry>> AuditTrailAsync(CancellationToken cancellationToken) =>
        editor.AuditTrailAsync(ListedRows, cancellationToken);

    // Questions and feedback belong to the admin's own organisation (tenant); the knowledge is shared by the deployment.
    public Task<IReadOnlyList<QuestionGroup>> QuestionsAsync(string tenantId, CancellationToken cancellationToken) =>
        unanswered.GroupsAsync(tenantId, cancellationToken);

    /// <summary>Puts the group of questions worded as <paramref name="normalizedText"/> out of scope.</summary>
    public async Task<OutOfScopeMarked> MarkOutOfScopeAsync(string tenantId, string normalizedText, CancellationToken cancellationToken)
    {
        // The group is found again by one of its wordings, so a card drawn before new questions came in still marks all of them.
        var group = (await unanswered.GroupsAsync(tenantId, cancellationToken)).FirstOrDefault(g => g.NormalizedTexts.Contains(normalizedText, StringComparer.Ordinal));
        var marked = group is null ? 0 : await unanswered.MarkOutOfScopeAsync(tenantId, group.NormalizedTexts, cancellationToken);
        return new OutOfScopeMarked(marked, await unanswered.GroupsAsync(tenantId, cancellationToken));
    }

    public Task<IReadOnlyList<ArticleFeedback>> FeedbackAsync(string tenantId, CancellationToken cancellationToken) =>
        feedback.PerArticleAsync(tenantId, CommentsPerArticle, cancellationToken);

    private async Task<EditOutcome> PublishIfAskedAsync(KnowledgeKind kind, string key, EditOutcome saved, KnowledgeActor actor, bool publish, CancellationToken cancellationToken) =>
        publish ? await editor.PublishAsync(kind, key, saved.VersionNumber, actor, saved.ItemVersion, cancellationToken) : saved;

    // The form shows no audience, resources, related articles or action: those stay as stored.
    private static ArticleDraft WithStoredFields(ArticleDraft form, ArticleDraft? stored) => stored is null ? form : form with
    {
        Audience = stored.Audience.Count > 0 ? stored.Audience : form.Audience,
        ResourceIds = stored.ResourceIds,
        RelatedIds = stored.RelatedIds,
        Action = stored.Action,
    };

    private static List<FoundArticle> Find(string query, IReadOnlyList<Article> articles, IReadOnlyList<(KnowledgeKind Kind, string Key, string Author)> drafts)
    {
        var wanted = ArticleParser.Normalize(query);
        var published = articles
            .Where(a => a.Id.Contains(wanted, StringComparison.Ordinal) || new[] { a.Title, a.Summary }.Concat(a.Questions).Concat(a.Tags).Any(t => ArticleParser.Normalize(t).Contains(wanted, StringComparison.Ordinal)))
            .Select(a => new FoundArticle(a.Id, a));
        var unpublished = drafts.Where(d => d.Kind == KnowledgeKind.Article && d.Key.Contains(wanted, StringComparison.Ordinal) && articles.All(a => a.Id != d.Key))
            .Select(d => new FoundArticle(d.Key, null));
        return [.. published.Concat(unpublished).Take(ListedRows)];
    }

    // A readable id from a question: lower case, letters and digits, single hyphens, at most eight words.
    private static string SuggestId(string question)
    {
        var words = ArticleParser.Normalize(question).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0).Take(8);
        return string.Join('-', words);
    }

    private static bool IsText(KnowledgeKind kind) => kind is KnowledgeKind.ResourceCatalog or KnowledgeKind.Scenario;

    private static string TextKey(KnowledgeKind kind) => KnowledgeFile.ForPath(KnowledgePaths.For(kind, string.Empty), string.Empty).Key;
}
