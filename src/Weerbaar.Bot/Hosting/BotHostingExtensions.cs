using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace Weerbaar.Bot.Hosting;

public static class BotHostingExtensions
{
    /// <summary>
    /// The Bot Framework pipeline: authentication from the root configuration keys <c>MicrosoftAppType</c>,
    /// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c> and <c>MicrosoftAppTenantId</c>, and the CloudAdapter with its
    /// middleware. The bot it runs comes from <c>AddConversation()</c>.
    /// </summary>
    public static IServiceCollection AddBotHosting(this IServiceCollection services)
    {
        services.AddHttpClient();
        // HttpClient's own logging writes request URLs, and the connector's URLs hold conversation ids.
        services.ConfigureHttpClientDefaults(client => client.RemoveAllLoggers());
        services.AddConnectorResilience();
        services.AddSingleton<CallerPolicy>();
        services.AddOptions<BotCredentials>().Configure<IConfiguration>(BotCredentials.Bind).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotCredentials>, BotCredentialsValidation>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChannelPolicy>();
        services.AddSingleton<TenantPolicy>();
        services.AddSingleton<ConnectorJsonContracts>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new LeanTurnAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<ConnectorJsonContracts>()));
        services.AddSingleton<TurnLogScope>();
        services.AddSingleton<RedeliveryGuard>();
        services.AddSingleton<TurnRateLimit>();
        services.AddSingleton<WeerbaarAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<WeerbaarAdapter>());
        return services;
    }

    /// <summary>Warns at startup about the caller policy that is in force when no app id is configured.</summary>
    public static void ReportCallerPolicy(this WebApplication app)
    {
        var policy = app.Services.GetRequiredService<CallerPolicy>();
        var logger = app.Services.GetRequiredService<ILogger<CallerPolicy>>();
        if (policy.AllowsAnonymousCallers)
        {
            Log.AnonymousCallersAllowed(logger);
        }
        else if (policy.RefusesEveryone)
        {
            Log.EveryCallerRefused(logger, app.Environment.EnvironmentName);
        }
    }
}
