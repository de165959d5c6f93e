using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Admin;

/// <summary>
/// Saves an article from the admin form as a draft, and publishes it when asked.
/// </summary>
/// <param name="Form">What the form holds; the fields it does not show (audience, resources, related, action) are
/// taken from the stored article.</param>
/// <param name="ExpectedItemVersion">The item version the form was drawn with; null when the card carries none.</param>
/// <param name="ChangeSummary">What the admin says they changed; empty gets a default.</param>
public sealed record SaveArticle(string Key, bool IsNew, ArticleDraft Form, int? ExpectedItemVersion, string ChangeSummary, bool Publish, KnowledgeActor Actor);

/// <summary>Replaces one part of a YAML knowledge file (resources catalogue or scenario), and publishes when asked.</summary>
/// <param name="Text">The part as the admin typed it.</param>
public sealed record SaveTextPart(KnowledgeKind Kind, int Part, string Text, int ExpectedItemVersion, string ChangeSummary, bool Publish, KnowledgeActor Actor);

/// <summary>Takes an article out of the answers; its versions stay.</summary>
public sealed record UnpublishArticle(string Key, int ExpectedItemVersion, KnowledgeActor Actor);

/// <summary>Puts back an older version (<paramref name="Number"/>), or without a number undoes the published one.</summary>
public sealed record RollBack(KnowledgeKind Kind, string Key, int? Number, int ExpectedItemVersion, KnowledgeActor Actor);
