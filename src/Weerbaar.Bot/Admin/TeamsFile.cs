using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Admin;

/// <summary>A file a user sent to the bot in Teams: its name and the pre-authenticated address to fetch it from.</summary>
public sealed record TeamsFile(string Name, string DownloadUrl)
{
    /// <summary>The attachment type of a file sent to a bot (only when the manifest says <c>supportsFiles</c>).</summary>
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The files in a message; other attachments (such as the text/html copy of the message) are skipped.</summary>
    public static IReadOnlyList<TeamsFile> Of(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. (activity.Attachments ?? []).Where(a => a.ContentType == ContentType).Select(a => new TeamsFile(
            a.Name ?? string.Empty,
            a.Content is JObject content && content["downloadUrl"] is JValue { Type: JTokenType.String, Value: string url } ? url : string.Empty))];
    }
}
