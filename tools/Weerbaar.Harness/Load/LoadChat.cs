using System.Globalization;
using System.Text.Json.Nodes;

namespace Weerbaar.Harness.Load;

/// <summary>
/// One personal chat between a Teams user and the bot, building the activities Teams would send in it: the bot
/// being added, typed messages and Action.Execute button presses (<c>adaptiveCard/action</c> invokes).
/// </summary>
internal sealed class LoadChat
{
    private const string TenantId = "6b1c0d3e-5f4a-4e2b-9c8d-0a1b2c3d4e5f";
    private const string BotId = "28:weerbaar-load-bot";
    private const string BotName = "Weerbaar";

    private readonly JsonObject _user;
    private int _nextId;

    private readonly string _conversationType;

    /// <param name="group">A group chat instead of a personal chat (for gesprekstool sessions).</param>
    /// <param name="aadObjectId">The user's Entra object id, e.g. one configured as admin; a new one when null.</param>
    public LoadChat(int index, Uri serviceUrl, bool group = false, string? aadObjectId = null)
    {
        Index = index;
        ServiceUrl = serviceUrl;
        _conversationType = group ? "groupChat" : "personal";
        Id = group ? $"19:load{Guid.NewGuid():N}@thread.v2" : $"a:1load{Guid.NewGuid():N}";
        _user = new JsonObject
        {
            ["id"] = $"29:1load{Guid.NewGuid():N}",
            ["name"] = $"Load user {index.ToString(CultureInfo.InvariantCulture)}",
            ["aadObjectId"] = aadObjectId ?? Guid.NewGuid().ToString(),
        };
    }

    public int Index { get; }

    public string Id { get; }

    public Uri ServiceUrl { get; }

    public JsonObject BotAdded()
    {
        var activity = Base("conversationUpdate");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public JsonObject Message(string text)
    {
        var activity = Base("message");
        activity["textFormat"] = "plain";
        activity["text"] = text;
        return activity;
    }

    public JsonObject CardAction(string verb, JsonObject data)
    {
        var activity = Base("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private JsonObject Base(string type) => new()
    {
        ["type"] = type,
        ["id"] = $"{Id}-{Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture)}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl.ToString(),
        ["from"] = _user.DeepClone(),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = Id, ["conversationType"] = _conversationType, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "nl-NL",
    };
}
