using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Knowledge;

/// <summary>
/// Healthy once the search index of the published knowledge is loaded. Until then every question would get
/// "dat weet ik niet", so a load balancer should not send this instance any traffic (readiness, not liveness).
/// </summary>
internal sealed class SearchIndexHealthCheck(KnowledgeSearch search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("search index not loaded"));
}
