namespace Weerbaar.Bot.Hosting;

/// <summary>Who the deployment serves. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// The Entra tenant ids this deployment serves; an authenticated activity from any other tenant gets 403 and
    /// nothing runs. Empty: every tenant (one organisation per deployment, or local testing).
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>
    /// The channel ids (<c>channelId</c>) the deployment serves; an authenticated activity from any other channel gets
    /// 403 and nothing runs. Empty: <c>msteams</c>, and in the Development environment also <c>emulator</c>.
    /// </summary>
    public IList<string> AllowedChannels { get; } = [];

    /// <summary>The largest request body <c>/api/messages</c> accepts; a larger one gets 413. Teams activities are far smaller.</summary>
    [System.ComponentModel.DataAnnotations.Range(16 * 1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Messages and card actions one user may send per minute; more are not processed and the user is asked to wait.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int TurnsPerUserPerMinute { get; set; } = 60;

    /// <summary>Messages and card actions one conversation (all its members together) may send per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int TurnsPerConversationPerMinute { get; set; } = 600;

    /// <summary>How often a reply or card update throttled by Teams (429) is tried again.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int ThrottleRetries { get; set; } = 3;

    /// <summary>The longest Retry-After of a 429 that is waited out; a longer one fails the call.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 60)]
    public double MaxRetryAfterSeconds { get; set; } = 10;

    /// <summary>Seconds one call to the Teams connector may take.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public double ConnectorTimeoutSeconds { get; set; } = 15;
}
