using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Admin;

/// <summary>
/// What a change did: <see cref="Saved"/> is the save (or the whole change when there is nothing to publish),
/// <see cref="Final"/> the publish that followed when asked, otherwise the same outcome.
/// </summary>
public sealed record KnowledgeChange(string Key, EditOutcome Saved, EditOutcome Final)
{
    public KnowledgeChange(string key, EditOutcome outcome)
        : this(key, outcome, outcome)
    {
    }

    /// <summary>What users are answered from changed: the caller rebuilds its search index at once.</summary>
    public bool ChangesAnswers => Final.Result is EditResult.Published or EditResult.Unpublished or EditResult.RolledBack;
}

/// <summary>An article as the admin form shows it; <see cref="Draft"/> is null when its latest content has no readable front matter.</summary>
public sealed record ArticleEdit(KnowledgeItemDetails Item, ArticleDraft? Draft);

/// <param name="Current">The article the form edits; null for a new one, or when it no longer exists.</param>
public sealed record CompletedForm(ArticleDraft Draft, ArticleEdit? Current);

/// <param name="Draft">The form with the stored fields it does not show.</param>
/// <param name="Before">The article as it was, null for a new one.</param>
/// <param name="After">The article after a successful save, null otherwise.</param>
public sealed record ArticleSaved(KnowledgeChange Change, ArticleDraft Draft, ArticleEdit? Before, ArticleEdit? After);

/// <param name="After">The article afterwards, null when it no longer exists.</param>
public sealed record ArticleUnpublished(KnowledgeChange Change, ArticleEdit? After);

/// <summary>A YAML knowledge file opened at one of its <see cref="TextParts"/>, with the text the card shows for it.</summary>
public sealed record TextPartEdit(KnowledgeKind Kind, KnowledgeItemDetails Item, IReadOnlyList<string> Parts, int Part, string Text);

/// <param name="Change">Null when the file changed since the card was drawn: nothing was saved.</param>
/// <param name="Shown">What to show next: the file afterwards, or on a conflict the admin's own text; null when the file is gone.</param>
public sealed record TextPartSaved(KnowledgeChange? Change, TextPartEdit? Shown);

/// <param name="After">The item afterwards, for its history; null when it no longer exists.</param>
public sealed record RollbackDone(KnowledgeChange Change, KnowledgeItemDetails? After);

/// <summary>An article found by the admin's search: published (<see cref="Published"/> set) or only a draft.</summary>
public sealed record FoundArticle(string Key, Article? Published);

/// <summary>What the admin home shows: the published count, drafts waiting, articles not checked for long, search results.</summary>
/// <param name="Query">The trimmed search text; empty when the admin did not search.</param>
public sealed record AdminOverview(
    int PublishedCount,
    IReadOnlyList<(KnowledgeKind Kind, string Key, string Author)> Drafts,
    IReadOnlyList<Article> Stale,
    string Query,
    IReadOnlyList<FoundArticle> Found);

/// <summary>Questions put out of scope, and the tenant's questions that are left.</summary>
public sealed record OutOfScopeMarked(int Count, IReadOnlyList<Feedback.QuestionGroup> Remaining);
