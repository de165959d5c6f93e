namespace Weerbaar.Core.Knowledge;

/// <summary>A source an article relies on. <see cref="Url"/> is null for a document without a public address.</summary>
public sealed record SourceReference(string Title, string? Url, string Publisher, string Date);
