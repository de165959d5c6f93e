using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// What operators and load balancers look at: <c>/healthz</c> (liveness: the process and its database answer),
/// <c>/healthz/ready</c> (readiness: also the search index is loaded) and <c>/metrics</c> (Prometheus).
/// </summary>
public static class OperationsExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/healthz/ready";

    /// <summary>
    /// Tag of checks that decide readiness only. Readiness runs every check; liveness leaves these out, so a check
    /// registered without tags (such as the database's) counts for both.
    /// </summary>
    public const string ReadinessOnlyTag = "ready";

    /// <summary>Weerbaar's meter, the readiness checks and, when metrics are on, the OpenTelemetry Prometheus exporter.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BotMetrics>();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index", tags: [ReadinessOnlyTag]);

        // Decided here from configuration, like the optional model: when metrics are off nothing is collected at all.
        if (MetricsOptions.IsEnabled(configuration, environment))
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("weerbaar"))
                .WithMetrics(metrics => metrics
                    .AddMeter(BotMetrics.MeterName)
                    // ASP.NET Core's own request metrics (route templates and status codes, no URLs with ids in them).
                    .AddMeter("Microsoft.AspNetCore.Hosting")
                    .AddPrometheusExporter());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadinessOnlyTag) });
        endpoints.MapHealthChecks(ReadinessPath);
        return endpoints;
    }

    /// <summary><c>/metrics</c> in the Prometheus text format, when metrics are on (<see cref="MetricsOptions.Enabled"/>).</summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (MetricsOptions.IsEnabled(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()))
        {
            endpoints.MapPrometheusScrapingEndpoint();
        }

        return endpoints;
    }
}
