namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Fails closed: without a configured app id the SDK accepts unauthenticated callers, which is only acceptable on
/// a developer's machine (the Development environment, which the Teams emulator needs). Anywhere else every
/// caller is refused until an app id is configured.
/// </summary>
public sealed class CallerPolicy
{
    public CallerPolicy(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        HasAppId = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        AllowsAnonymousCallers = !HasAppId && environment.IsDevelopment();
    }

    /// <summary>An app id is configured, so CloudAdapter validates every caller's token.</summary>
    public bool HasAppId { get; }

    /// <summary>No app id, Development environment: unauthenticated callers get through (local testing only).</summary>
    public bool AllowsAnonymousCallers { get; }

    /// <summary>No app id outside Development: nobody gets through.</summary>
    public bool RefusesEveryone => !HasAppId && !AllowsAnonymousCallers;
}
