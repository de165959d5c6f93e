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
    /// The bot's public address for report links (e.g. https://weerbaar.gemeente.nl). Required outside the
    /// Development environment, and https there: the link is a bearer secret. Forwarded headers are not trusted for
    /// it, so a proxy in front changes nothing. Empty in Development: the address the request came in on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    internal const string PublicBaseUrlMissing =
        "Sessions:PublicBaseUrl is required outside the Development environment: set it to the bot's public https address (e.g. https://weerbaar.gemeente.nl), from which report links are made";

    internal const string PublicBaseUrlNotHttps =
        "Sessions:PublicBaseUrl must be an https address outside the Development environment (e.g. https://weerbaar.gemeente.nl): a report link is readable by whoever has it";

    internal const string PublicBaseUrlNotAnAddress =
        "Sessions:PublicBaseUrl must be an absolute address with http or https and without query, such as https://weerbaar.gemeente.nl";

    internal static bool IsWebAddress(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            && address.Query.Length == 0 && address.Fragment.Length == 0 && address.UserInfo.Length == 0);

    internal static bool IsAllowedIn(string? value, IHostEnvironment environment) =>
        environment.IsDevelopment() || !Uri.TryCreate(value, UriKind.Absolute, out var address) || address.Scheme == Uri.UriSchemeHttps;
}
