namespace Weerbaar.Core.Feedback;

/// <summary>
/// A 👍 or 👎 on one answer, with the optional "wat miste je?" comment. It names the article and the version that
/// was shown, never the user. <see cref="AnswerToken"/> identifies the answer card, so a double click or a changed
/// mind updates this record instead of adding one.
/// </summary>
public sealed class AnswerFeedback
{
    public long Id { get; set; }

    public required string AnswerToken { get; set; }

    public required string ArticleId { get; set; }

    public int ArticleVersion { get; set; }

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    /// <summary>
    /// The question the comment is about, masked like unanswered questions (<see cref="KeptQuestion"/>), so admins read
    /// the comment in context. Stored with the comment and removed with it.
    /// </summary>
    public string? Question { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The Entra tenant of the conversation the answer was given in.</summary>
    public string TenantId { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
