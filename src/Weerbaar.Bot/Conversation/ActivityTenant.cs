using Microsoft.Bot.Schema;
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
        var fromChannelData = activity.ChannelData switch
        {
            JObject channelData => Text(channelData["tenant"]),
            _ => null,
        };
        return fromChannelData ?? activity.Conversation?.TenantId ?? string.Empty;
    }

    /// <summary>The tenant of an activity that is still JSON (before the pipeline reads it).</summary>
    public static string Of(JObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Text(activity["channelData"]?["tenant"]) ?? (activity["conversation"]?["tenantId"] as JValue)?.Value as string ?? string.Empty;
    }

    private static string? Text(JToken? tenant) =>
        tenant is JObject obj && obj["id"] is JValue { Type: JTokenType.String, Value: string id } && id.Length > 0 ? id : null;
}
