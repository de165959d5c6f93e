namespace Weerbaar.Bot.Hosting;

/// <summary>The Prometheus scraping endpoint. Bound from <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve <c>/metrics</c>. The endpoint has no authentication: switch it off where it cannot be kept off the internet.</summary>
    public bool Enabled { get; set; } = true;
}
