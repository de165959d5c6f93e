using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Hosting;

/// <summary>Whether an incoming activity's tenant is one the deployment serves (<c>Bot:AllowedTenants</c>).</summary>
public sealed class TenantPolicy(IOptions<BotOptions> options)
{
    /// <summary>Checks a body that <see cref="ActivityRequest.FindProblem"/> accepted.</summary>
    public bool Allows(string body)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count == 0)
        {
            return true;
        }

        using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
        var tenant = JToken.ReadFrom(reader) is JObject activity ? ActivityTenant.Of(activity) : string.Empty;
        return tenant.Length > 0 && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }
}
