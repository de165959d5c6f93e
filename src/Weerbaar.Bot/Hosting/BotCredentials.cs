using Microsoft.Extensions.Options;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// The bot's Azure registration as configured (root keys <c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>,
/// <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>), checked on start so a half-configured deployment stops
/// with a clear message instead of failing on the first reply. Empty app id: local mode (see <see cref="CallerPolicy"/>).
/// </summary>
public sealed class BotCredentials
{
    public string AppType { get; set; } = string.Empty;

    public string AppId { get; set; } = string.Empty;

    public string AppPassword { get; set; } = string.Empty;

    public string AppTenantId { get; set; } = string.Empty;

    public static void Bind(BotCredentials credentials, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(configuration);
        credentials.AppType = configuration["MicrosoftAppType"]?.Trim() ?? string.Empty;
        credentials.AppId = configuration["MicrosoftAppId"]?.Trim() ?? string.Empty;
        credentials.AppPassword = configuration["MicrosoftAppPassword"] ?? string.Empty;
        credentials.AppTenantId = configuration["MicrosoftAppTenantId"]?.Trim() ?? string.Empty;
    }
}

/// <summary>The rules for <see cref="BotCredentials"/>; every message names the setting to fix.</summary>
public sealed class BotCredentialsValidation : IValidateOptions<BotCredentials>
{
    private static readonly string[] Types = ["", "MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotCredentials options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Types.Contains(options.AppType, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant (or empty), not '{options.AppType}'.");
        }

        if (options.AppId.Length == 0)
        {
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        if (!Guid.TryParse(options.AppId, out _))
        {
            problems.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
        }

        var managedIdentity = string.Equals(options.AppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!managedIdentity && options.AppPassword.Length == 0)
        {
            problems.Add("MicrosoftAppPassword is missing: with MicrosoftAppId the bot needs its client secret, or use MicrosoftAppType=UserAssignedMSI.");
        }

        if ((managedIdentity || string.Equals(options.AppType, "SingleTenant", StringComparison.OrdinalIgnoreCase)) && !Guid.TryParse(options.AppTenantId, out _))
        {
            problems.Add("MicrosoftAppTenantId must be your Entra tenant id (a GUID) with MicrosoftAppType SingleTenant or UserAssignedMSI.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
