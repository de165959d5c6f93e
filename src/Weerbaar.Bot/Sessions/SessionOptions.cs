using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>Gesprekstool settings. Bound from the <c>Sessions</c> section.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Seconds between checks for due follow-up reminders.</summary>
    [Range(1, 3600)]
    public int ReminderCheckSeconds { get; set; } = 60;

    /// <summary>
    /// Seconds between checks for steps whose time is up (for the line in the chat that mentions the facilitator). The
    /// line comes at most this long after the step's end time.
    /// </summary>
    [Range(5, 86400)]
    public int TimeUpCheckSeconds { get; set; } = 30;

    /// <summary>Days a report link works.</summary>
    [Range(1, 365)]
    public int ReportLinkDays { get; set; } = 30;

    /// <summary>How many contributions one member may give to one step (see <see cref="SessionLimits.Default"/>).</summary>
    [Range(1, 1000)]
    public int MaxContributionsPerStep { get; set; } = SessionLimits.Default.MaxContributionsPerStep;

    /// <summary>How many contributions one member may give to one session.</summary>
    [Range(1, 10000)]
    public int MaxContributionsPerSession { get; set; } = SessionLimits.Default.MaxContributionsPerSession;

    /// <summary>How many votes each member spreads over a step's contributions in a voting round ("Stemmen").</summary>
    [Range(1, 20)]
    public int VotesPerParticipant { get; set; } = SessionLimits.DefaultVotesPerParticipant;

    internal SessionLimits Limits => new(MaxContributionsPerStep, MaxContributionsPerSession, VotesPerParticipant);

    /// <summary>
    /// The bot's public address for report links (e.g. https://weerbaar.gemeente.nl). Required outside the
    /// Development environment, and https there: the link is a bearer secret. Forwarded headers are not trusted for
    /// it, so a proxy in front changes nothing. Empty in Development: the address the request came in on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// The secret key (Base64, at least 32 bytes) for the pseudonyms under which anonymous sessions store who wrote
    /// what (<see cref="Core.Sessions.ContributorPseudonyms"/>). Keep it outside the database, like the bot's secret.
    /// Required outside the Development environment; changing it means participants of a running anonymous session
    /// can no longer edit or withdraw what they wrote before. Empty in Development: a fixed development key.
    /// </summary>
    public string? PseudonymKey { get; set; }

    internal const string PseudonymKeyMissing =
        "Sessions:PseudonymKey is required outside the Development environment: set it to a random key of at least 32 bytes in Base64 (e.g. openssl rand -base64 32), kept outside the database";

    internal const string PseudonymKeyInvalid = "Sessions:PseudonymKey must be Base64 for at least 32 bytes (e.g. openssl rand -base64 32)";

    // Only for Development, where no key is set: not a secret.
    private static readonly byte[] DevelopmentPseudonymKey = SHA256.HashData("weerbaar-development-pseudonyms"u8);

    internal static byte[]? PseudonymKeyBytes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written >= 32 ? buffer[..written] : [];
    }

    internal static bool IsPseudonymKeyValid(string? value) => PseudonymKeyBytes(value) is not { Length: 0 };

    internal static byte[] PseudonymKeyFor(string? value, IHostEnvironment environment) =>
        PseudonymKeyBytes(value) is { Length: > 0 } key ? key
        : environment.IsDevelopment() ? DevelopmentPseudonymKey
        : throw new InvalidOperationException(PseudonymKeyMissing);

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
