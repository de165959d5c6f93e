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

    /// <summary>
    /// The facilitator types "start sessie", opens "Sessie instellen" on the setup card and goes through the dialog to
    /// "Sessie starten"; returns the facilitator's view of the started session.
    /// </summary>
    public async Task<JsonObject> StartByDialogAsync(TeamsUser facilitator, bool anonymous = false, IEnumerable<string>? steps = null, string organisation = "Gemeente Voorbeeld", int minutes = 90)
    {
        var setup = CardOf(await SendAsync(chat.Message(facilitator, "start sessie")));
        var card = DialogCard(await OpenDialogAsync(facilitator, setup, "Sessie instellen"));
        card = DialogCard(await PressDialogAsync(facilitator, card, "Volgende", new JsonObject { ["organisation"] = organisation, ["kind"] = "gemeente" }));
        var stepInputs = new JsonObject { ["minutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (steps is not null)
        {
            stepInputs["steps"] = string.Join(',', steps);
        }

        card = DialogCard(await PressDialogAsync(facilitator, card, "Volgende", stepInputs));
        card = DialogCard(await PressDialogAsync(facilitator, card, "Volgende", new JsonObject { ["anonymous"] = anonymous ? "true" : "false" }));
        var closed = await PressDialogAsync(facilitator, card, "Sessie starten");
        Assert.Contains("De sessie is gestart", DialogLine(closed), StringComparison.Ordinal);
        return await ViewAsync(facilitator);
    }

    /// <summary>Presses the button <paramref name="title"/> of a card in the chat that opens a dialog (task/fetch); returns Teams' task response.</summary>
    public Task<JsonObject> OpenDialogAsync(TeamsUser user, JsonObject card, string title) =>
        DialogAsync(chat.DialogFetch(user, ButtonData(card, title)));

    /// <summary>Presses the button <paramref name="title"/> of a dialog card with <paramref name="inputs"/> filled in (task/submit).</summary>
    public Task<JsonObject> PressDialogAsync(TeamsUser user, JsonObject card, string title, JsonObject? inputs = null)
    {
        var data = ButtonData(card, title);
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return DialogAsync(chat.DialogSubmit(user, data));
    }

    public async Task<JsonObject> DialogAsync(JsonObject activity)
    {
        using var response = await post(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The card a dialog shows (a <c>continue</c> response).</summary>
    public static JsonObject DialogCard(JsonObject response)
    {
        Assert.Equal("continue", response["task"]?["type"]?.GetValue<string>());
        var card = response["task"]!["value"]!["card"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        return card["content"]!.AsObject();
    }

    /// <summary>The line a dialog closes with (a <c>message</c> response).</summary>
    public static string DialogLine(JsonObject response)
    {
        Assert.Equal("message", response["task"]?["type"]?.GetValue<string>());
        return response["task"]!["value"]!.GetValue<string>();
    }

    /// <summary>A copy of the data of the button <paramref name="title"/> (an Action.Submit or Action.Execute) on <paramref name="card"/>.</summary>
    public static JsonObject ButtonData(JsonObject card, string title) =>
        (JsonObject)Descendants(card).OfType<JsonObject>()
            .Single(o => o["type"]?.GetValue<string>() is "Action.Submit" or "Action.Execute" && o["title"]?.GetValue<string>() == title)["data"]!.DeepClone();

    // Read from the card as posted: once the session is over, the shared card has no buttons left to carry it.
    public string SessionId => CardOf(PostedSharedCard().Activity!)["actions"]![0]!["data"]!["sessionId"]!.GetValue<string>();

    /// <summary>The shared card as it stands in the chat now (posted, then updated in place).</summary>
    public JsonObject SharedCard()
    {
        // Only this chat's calls: a test may run sessions in several conversations.
        var posted = PostedSharedCard();
        var updates = connector.Calls.Where(c => c.ConversationId == chat.Id && c.Kind == ConnectorCallKind.Update && c.AnsweredStatus == 200).ToList();
        var latest = updates.Count > 0 ? updates[^1].Activity! : posted.Activity!;
        return CardOf(latest);
    }

    private ConnectorCall PostedSharedCard() =>
        connector.Calls.First(c => c.ConversationId == chat.Id && c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && c.Activity?["summary"]?.GetValue<string>()?.StartsWith("Gesprekstool:", StringComparison.Ordinal) == true);

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
