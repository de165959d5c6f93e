using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Checks that a request body is an activity the pipeline can process before it gets there: valid JSON, a type,
/// a conversation, both parties and an absolute service URL to reply to. Anything else is the caller's mistake (400),
/// and the reason is a short fixed phrase, never parser output.
/// </summary>
public static class ActivityRequest
{
    /// <summary>Returns the reason <paramref name="body"/> is not a processable activity, or <c>null</c> when it is.</summary>
    public static string? FindProblem(string body)
    {
        JObject activity;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = 64, DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject obj || reader.Read())
            {
                return "The body is not a JSON object.";
            }

            activity = obj;
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }

        if (!HasText(activity, "type"))
        {
            return "The activity has no type.";
        }

        if (!HasText(activity, "channelId"))
        {
            return "The activity has no channelId.";
        }

        if (!HasText(activity["conversation"], "id"))
        {
            return "The activity has no conversation.";
        }

        if (!HasText(activity["from"], "id") || !HasText(activity["recipient"], "id"))
        {
            return "The activity has no from or recipient.";
        }

        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String, Value: string serviceUrl }
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity has no valid serviceUrl.";
        }

        try
        {
            // The same deserialization CloudAdapter performs; a type mismatch (an object where text belongs) fails here.
            _ = activity.ToObject<Activity>(HttpHelper.BotMessageSerializer);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException or InvalidCastException)
        {
            return "The activity has fields of the wrong type.";
        }

        return null;
    }

    private static bool HasText(JToken? token, string property) =>
        token is JObject obj && obj[property] is JValue { Type: JTokenType.String, Value: string value } && !string.IsNullOrWhiteSpace(value);
}
