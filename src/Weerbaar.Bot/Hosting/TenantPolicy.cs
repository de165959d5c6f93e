using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Hosting;

/// <summary>Whether an incoming activity's tenant is one the deployment serves (<c>Bot:AllowedTenants</c>).</summary>
public sealed class TenantPolicy(IOptions<BotOptions> options)
{
    /// <summary>
    /// Checks the activity as the pipeline reads it (<see cref="ActivityTenant"/>), so the tenant that is checked is
    /// the tenant whose data the turn then works on.
    /// </summary>
    public bool Allows(IActivity activity)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count == 0)
        {
            return true;
        }

        var tenant = ActivityTenant.Of(activity);
        return tenant.Length > 0 && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }
}
