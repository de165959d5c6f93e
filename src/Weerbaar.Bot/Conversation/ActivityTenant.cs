using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The Entra tenant an activity comes from: Teams puts it in <c>channelData.tenant.id</c> (and usually in
/// <c>conversation.tenantId</c>). What users create is kept per tenant; empty when a client sends none.
/// </summary>
public static class ActivityTenant
{
    public static string Of(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return InChannelData(activity.ChannelData) ?? activity.Conversation?.TenantId ?? string.Empty;
    }

    // Read the way the SDK reads it (TeamsGetTenant deserializes TeamsChannelData with Newtonsoft, which matches
    // property names regardless of case): "Tenant": {"ID": …} is the same tenant to the SDK, so it must be to us.
    private static string? InChannelData(object? channelData)
    {
        if (channelData is not JObject data)
        {
            return null;
        }

        try
        {
            return data.ToObject<TeamsChannelData>()?.Tenant?.Id is { Length: > 0 } id ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
