namespace Weerbaar.Core.Knowledge;

/// <summary>What an answer from an article offers besides reading on (front matter <c>actie</c>).</summary>
public enum ArticleAction
{
    None,

    /// <summary>A button that starts a gesprekstool session (<c>actie: start-sessie</c>).</summary>
    StartSession,
}

/// <summary>Whether an article is shown to users.</summary>
public enum ArticleStatus
{
    Published,
    Draft,
}

/// <summary>One knowledge article: one topic, its alternative questions, its sources and its body in sections.</summary>
/// <param name="FactsAsOf">The month the article's facts stand for (front matter <c>stand</c>), as its first day.</param>
/// <param name="Action">What the answer card offers besides "lees meer", e.g. starting a gesprekstool session.</param>
/// <param name="CurrentStateAt">Where a reader finds the current state when the facts can change (front matter <c>actueel</c>).</param>
public sealed record Article(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Audience,
    IReadOnlyList<string> Questions,
    IReadOnlyList<SourceReference> Sources,
    IReadOnlyList<string> ResourceIds,
    IReadOnlyList<string> RelatedIds,
    DateOnly LastChecked,
    DateOnly FactsAsOf,
    string? CurrentStateAt,
    ArticleAction Action,
    ArticleStatus Status,
    IReadOnlyList<ArticleSection> Sections)
{
    /// <summary>The lead paragraph (the body before the first heading).</summary>
    public ArticleSection Lead => Sections[0];
}
