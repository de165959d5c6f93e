using Weerbaar.Testing;

namespace Weerbaar.Harness.Load;

/// <summary>
/// Settings for a bot process the harness starts on a scratch database, in local mode: Development without an app id
/// (so unauthenticated calls are accepted and replies need no token), warnings only, extractive answers.
/// </summary>
internal static class LocalBotSettings
{
    public static Dictionary<string, string?> For(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new Dictionary<string, string?>(database.Settings)
        {
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppType"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Warning",
            ["AzureOpenAI:Endpoint"] = string.Empty,
        };
    }
}
