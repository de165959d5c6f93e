using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Bot.Sessions;

/// <summary>Gesprekstool settings. Bound from the <c>Sessions</c> section.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Seconds between checks for due follow-up reminders.</summary>
    [Range(1, 3600)]
    public int ReminderCheckSeconds { get; set; } = 60;

    /// <summary>Days a report link works.</summary>
    [Range(1, 365)]
    public int ReportLinkDays { get; set; } = 30;

    /// <summary>
    /// The bot's public address for report links (e.g. https://weerbaar.gemeente.nl). Empty: the address the request
    /// came in on, which is right when the bot is reached directly.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
