namespace Weerbaar.Bot.Hosting;

/// <summary>Who the deployment serves. Bound from the <c>Bot</c> section.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// The Entra tenant ids this deployment serves; an activity from any other tenant gets 403 and nothing runs.
    /// Empty: every tenant (one organisation per deployment, or local testing).
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>The largest request body <c>/api/messages</c> accepts; a larger one gets 413. Teams activities are far smaller.</summary>
    [System.ComponentModel.DataAnnotations.Range(16 * 1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
