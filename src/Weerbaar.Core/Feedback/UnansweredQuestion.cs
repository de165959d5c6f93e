namespace Weerbaar.Core.Feedback;

/// <summary>A question the bot could not answer, kept for admins to improve the knowledge; no user id.</summary>
public sealed class UnansweredQuestion
{
    public const int MaxLength = KeptQuestion.MaxLength;

    public long Id { get; set; }

    public required string Text { get; set; }

    /// <summary>Lower case, no accents or punctuation: groups the same question asked in different ways.</summary>
    public required string NormalizedText { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    /// <summary>The Entra tenant of the conversation it was asked in: each organisation's admins see only their own.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The topic was known but not the asked detail (a partial answer), rather than nothing at all.</summary>
    public bool Partial { get; set; }

    /// <summary>An admin marked this wording as outside what Weerbaar is for; it no longer shows in <c>beheer vragen</c>.</summary>
    public bool OutOfScope { get; set; }
}
