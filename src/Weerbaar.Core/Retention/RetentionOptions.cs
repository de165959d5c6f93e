using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Core.Retention;

/// <summary>How long personal or user-written data is kept (AVG). Bound from the <c>Retention</c> section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days an unanswered question is kept for admins.</summary>
    [Range(1, 3650)]
    public int UnansweredQuestionDays { get; set; } = 180;

    /// <summary>Days the free-text "wat miste je?" comment of feedback is kept (the 👍/👎 itself stays, it is anonymous).</summary>
    [Range(1, 3650)]
    public int FeedbackCommentDays { get; set; } = 180;

    /// <summary>Days a finished (or cancelled) gesprekstool session with its contributions is kept.</summary>
    [Range(1, 3650)]
    public int SessionDays { get; set; } = 365;

    /// <summary>How often the retention job runs, in hours.</summary>
    [Range(1, 168)]
    public int IntervalHours { get; set; } = 24;
}
