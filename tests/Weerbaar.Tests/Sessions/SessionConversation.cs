using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>Drives a gesprekstool session over HTTP in one group chat, as several Teams users.</summary>
/// <param name="post">Posts an activity to a bot instance (one in process, or one of several bot processes).</param>
public sealed class SessionConversation(Func<JsonNode, Task<HttpResponseMessage>> post, ConnectorStandIn connector, TeamsConversation chat)
{
    public SessionConversation(BotApp bot, ConnectorStandIn connector, TeamsConversation chat)
        : this(bot.PostActivityAsync, connector, chat)
    {
    }

    public TeamsConversation Chat => chat;

    /// <summary>The facilitator types "start sessie" and submits the setup card; returns the facilitator's view.</summary>
    public async Task<JsonObject> StartAsync(TeamsUser facilitator, bool anonymous = false, IEnumerable<string>? steps = null, string organisation = "Gemeente Voorbeeld")
    {
        await SubmitSetupAsync(facilitator, anonymous, steps, organisation);
        return await ViewAsync(facilitator);
    }

    /// <summary>The facilitator types "start sessie" and submits the setup card; returns what the pressed setup card became.</summary>
    public async Task<JsonObject> SubmitSetupAsync(TeamsUser facilitator, bool anonymous = false, IEnumerable<string>? steps = null, string organisation = "Gemeente Voorbeeld")
    {
        var setup = CardOf(await SendAsync(chat.Message(facilitator, "start sessie")));
        var allSteps = setup["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "steps")!["value"]!.GetValue<string>();
        var token = ExecuteActions(setup).Single()!["data"]!["token"]!.GetValue<string>();
        return await InvokeCardAsync(facilitator, "sessionStart", new JsonObject
        {
            ["token"] = token,
            ["organisation"] = organisation,
            ["kind"] = "gemeente",
            ["steps"] = steps is null ? allSteps : string.Join(',', steps),
            ["minutes"] = "90",
            ["anonymous"] = anonymous ? "true" : "false",
        });
    }

    // Read from the card as posted: once the session is over, the shared card has no buttons left to carry it.
    public string SessionId => CardOf(PostedSharedCard().Activity!)["actions"]![0]!["data"]!["sessionId"]!.GetValue<string>();

    /// <summary>The shared card as it stands in the chat now (posted, updated in place, or posted again by "status").</summary>
    public JsonObject SharedCard()
    {
        // Only this chat's calls: a test may run sessions in several conversations.
        _ = PostedSharedCard();
        var latest = connector.Calls.Last(c => c.ConversationId == chat.Id
            && ((c.Kind == ConnectorCallKind.Update && c.AnsweredStatus == 200) || (c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && IsSharedCard(c))));
        return CardOf(latest.Activity!);
    }

    private static bool IsSharedCard(ConnectorCall call) =>
        call.Activity?["summary"]?.GetValue<string>()?.StartsWith("Gesprekstool:", StringComparison.Ordinal) == true;

    private ConnectorCall PostedSharedCard() =>
        connector.Calls.First(c => c.ConversationId == chat.Id && c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && IsSharedCard(c));

    public Task<JsonObject> ViewAsync(TeamsUser user) => InvokeCardAsync(user, "sessionView", new JsonObject { ["sessionId"] = SessionId });

    /// <summary>Presses a button of <paramref name="view"/> (found by its verb and, optionally, the data it carries).</summary>
    public Task<JsonObject> PressAsync(TeamsUser user, JsonObject view, string verb, Func<JsonObject, bool>? which = null, JsonObject? inputs = null)
    {
        var data = (JsonObject)ExecuteActions(view).Select(a => a!).First(a => a["verb"]!.GetValue<string>() == verb && (which?.Invoke(a["data"]!.AsObject()) ?? true))["data"]!.DeepClone();
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return InvokeCardAsync(user, verb, data);
    }

    /// <summary>Contributes to the first question of the current step from the user's view.</summary>
    public async Task<JsonObject> ContributeAsync(TeamsUser user, string text)
    {
        var view = await ViewAsync(user);
        var action = ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionContribute")!["data"]!.AsObject();
        return await PressAsync(user, view, "sessionContribute", d => d["question"]!.GetValue<string>() == action["question"]!.GetValue<string>(),
            new JsonObject { ["answer_" + action["question"]!.GetValue<string>()] = text });
    }

    public async Task<JsonObject> InvokeCardAsync(TeamsUser user, string verb, JsonObject data)
    {
        using var response = await post(chat.CardAction(user, verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
            ? body["value"]!.AsObject()
            : new JsonObject { ["message"] = body["value"]!.GetValue<string>() };
    }

    public async Task<JsonObject> SendAsync(JsonObject activity)
    {
        var before = connector.SentActivities.Count;
        using var response = await post(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return connector.SentActivities.Skip(before).Last();
    }

    public static string Message(JsonObject view) => view["message"]?.GetValue<string>() ?? TextOf(view);
}
