using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Support;

/// <summary>A Teams user as activities name them: a Teams id ("29:…") and an Entra object id.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    public static TeamsUser Create(string name) => new($"29:{Guid.NewGuid():N}", name, Guid.NewGuid().ToString());

    internal JsonObject ToAccount() => new() { ["id"] = Id, ["name"] = Name, ["aadObjectId"] = AadObjectId };
}

/// <summary>The kind of Teams conversation, with the conversationType Teams sends for it.</summary>
public enum TeamsScope
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// Builds the activities Teams sends to the bot in one conversation — personal chat, group chat or channel — from
/// several users: messages (with a real @mention in group scopes), the bot being added, installation updates,
/// card actions (Action.Execute invokes) and submits. Shapes follow what Teams sends, including channelData.
/// A meeting's chat is a group chat ("19:meeting_…@thread.v2") or, for a channel meeting, the meeting's thread in the
/// channel ("…@thread.tacv2;messageid=…"); either way channelData carries the meeting's id.
/// </summary>
public sealed class TeamsConversation
{
    public const string DefaultTenantId = "9f1d2c3b-0a4e-4d5f-8a6b-7c8d9e0f1a2b";

    private int _nextId;

    public TeamsConversation(TeamsScope scope, Uri serviceUrl, string? botId = null, string tenantId = DefaultTenantId, bool meeting = false)
    {
        if (meeting && scope == TeamsScope.Personal)
        {
            throw new ArgumentException("A meeting's chat is a group chat or a channel thread.", nameof(meeting));
        }

        Scope = scope;
        TenantId = tenantId;
        ServiceUrl = serviceUrl;
        Bot = new TeamsUser(botId ?? "28:weerbaar-test-bot", "Weerbaar", Guid.Empty.ToString());
        var unique = Guid.NewGuid().ToString("N");
        Id = scope switch
        {
            TeamsScope.Personal => $"a:1{unique}",
            TeamsScope.GroupChat when meeting => $"19:meeting_{unique}@thread.v2",
            TeamsScope.GroupChat => $"19:{unique}@thread.v2",
            _ when meeting => $"19:{unique}@thread.tacv2;messageid={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}",
            _ => $"19:{unique}@thread.tacv2",
        };
        TeamId = scope == TeamsScope.Channel ? $"19:team{unique}@thread.tacv2" : null;
        ChannelId = scope == TeamsScope.Channel ? $"19:{unique}@thread.tacv2" : null;
        MeetingId = meeting ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"0#{Id}#0")) : null;
    }

    public TeamsScope Scope { get; }

    /// <summary>The Entra tenant (organisation) the conversation belongs to.</summary>
    public string TenantId { get; }

    public Uri ServiceUrl { get; }

    public TeamsUser Bot { get; }

    public string Id { get; }

    public string? TeamId { get; }

    /// <summary>The channel; for a channel meeting the conversation is a thread in it.</summary>
    public string? ChannelId { get; }

    /// <summary>The meeting whose chat this is, or null outside meetings.</summary>
    public string? MeetingId { get; }

    public bool IsGroup => Scope != TeamsScope.Personal;

    /// <summary>A typed message; in group chats and channels it @mentions the bot, as Teams requires.</summary>
    public JsonObject Message(TeamsUser from, string text, bool? mentionBot = null)
    {
        var activity = Base("message", from);
        activity["textFormat"] = "plain";
        if (mentionBot ?? IsGroup)
        {
            var mentionText = $"<at>{Bot.Name}</at>";
            activity["text"] = $"{mentionText} {text}";
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mentionText,
                ["mentioned"] = new JsonObject { ["id"] = Bot.Id, ["name"] = Bot.Name },
            });
        }
        else
        {
            activity["text"] = text;
        }

        return activity;
    }

    /// <summary>
    /// A file sent to the bot (the manifest has <c>supportsFiles</c>): no text, a <c>file.download.info</c> attachment
    /// with the pre-authenticated download address, next to a text/html attachment as Teams adds to many messages.
    /// </summary>
    public JsonObject FileMessage(TeamsUser from, string fileName, Uri downloadUrl)
    {
        var activity = Base("message", from);
        activity["textFormat"] = "plain";
        activity["attachments"] = new JsonArray(
            new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                ["contentUrl"] = $"https://contoso-my.sharepoint.com/personal/user_contoso_com/Documents/Microsoft Teams Chat Files/{fileName}",
                ["name"] = fileName,
                ["content"] = new JsonObject
                {
                    ["downloadUrl"] = downloadUrl.ToString(),
                    ["uniqueId"] = Guid.NewGuid().ToString().ToUpperInvariant(),
                    ["fileType"] = Path.GetExtension(fileName).TrimStart('.'),
                },
            },
            new JsonObject { ["contentType"] = "text/html", ["content"] = "<div></div>" });
        return activity;
    }

    /// <summary>The conversation update Teams sends when the bot is installed or added to the chat or team.</summary>
    public JsonObject BotAdded(TeamsUser by)
    {
        var activity = Base("conversationUpdate", by);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Bot.Id });
        return activity;
    }

    /// <summary>A conversation update about people, not the bot (e.g. a colleague joins the group chat).</summary>
    public JsonObject MemberAdded(TeamsUser by, TeamsUser member)
    {
        var activity = Base("conversationUpdate", by);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = member.Id, ["aadObjectId"] = member.AadObjectId });
        return activity;
    }

    public JsonObject InstallationAdded(TeamsUser by)
    {
        var activity = Base("installationUpdate", by);
        activity["action"] = "add";
        return activity;
    }

    /// <summary>An Action.Execute button press (invoke <c>adaptiveCard/action</c>).</summary>
    public JsonObject CardAction(TeamsUser from, string verb, JsonObject? data = null)
    {
        var activity = Base("invoke", from);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>
    /// A dialog opened by a card button (<c>task/fetch</c>): <paramref name="data"/> is the button's data, as Teams
    /// passes it on (its <c>msteams</c> part included).
    /// </summary>
    public JsonObject DialogFetch(TeamsUser from, JsonObject data) => Invoke(from, "task/fetch", DialogValue(data));

    /// <summary>A dialog card's submit (<c>task/submit</c>): its button's data with the card's inputs merged in.</summary>
    public JsonObject DialogSubmit(TeamsUser from, JsonObject data) => Invoke(from, "task/submit", DialogValue(data));

    private static JsonObject DialogValue(JsonObject data) => new()
    {
        ["data"] = data,
        ["context"] = new JsonObject { ["theme"] = "default" },
    };

    /// <summary>An invoke of any name and value, for kinds and payloads the bot may not know.</summary>
    public JsonObject Invoke(TeamsUser from, string name, JsonNode? value)
    {
        var activity = Base("invoke", from);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>An Action.Submit press: a message without text whose value is the card data.</summary>
    public JsonObject Submit(TeamsUser from, JsonObject value)
    {
        var activity = Base("message", from);
        activity["value"] = value;
        return activity;
    }

    private JsonObject Base(string type, TeamsUser from)
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (TeamId is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId };
            channelData["channel"] = new JsonObject { ["id"] = ChannelId };
        }

        if (MeetingId is not null)
        {
            channelData["meeting"] = new JsonObject { ["id"] = MeetingId };
        }

        var conversation = new JsonObject
        {
            ["id"] = Id,
            ["conversationType"] = Scope switch
            {
                TeamsScope.Personal => "personal",
                TeamsScope.GroupChat => "groupChat",
                _ => "channel",
            },
            ["tenantId"] = TenantId,
        };
        if (IsGroup)
        {
            conversation["isGroup"] = true;
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = $"{Id}-{Interlocked.Increment(ref _nextId)}-{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl.ToString(),
            ["from"] = from.ToAccount(),
            ["recipient"] = new JsonObject { ["id"] = Bot.Id, ["name"] = Bot.Name },
            ["conversation"] = conversation,
            ["channelData"] = channelData,
            ["locale"] = "nl-NL",
        };
    }
}
