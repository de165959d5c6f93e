namespace Weerbaar.Bot.Hosting;

/// <summary>The Prometheus scraping endpoint. Bound from <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Serve <c>/metrics</c>. Unset: on in the Development environment, off elsewhere, because the endpoint has no
    /// authentication; switch it on where it cannot be reached from the internet.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Read from configuration rather than options: the decision is needed while services are registered (when metrics
    /// are off nothing is collected at all).
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>($"{SectionName}:{nameof(Enabled)}") ?? environment.IsDevelopment();
    }
}
