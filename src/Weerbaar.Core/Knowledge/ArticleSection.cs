namespace Weerbaar.Core.Knowledge;

/// <summary>A part of an article's body: the lead (no heading) or a <c>##</c> section.</summary>
public sealed record ArticleSection(string? Heading, string Text);
