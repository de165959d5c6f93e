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

    /// <summary>Presses the button <paramref name="title"/> of a card in the chat that opens a dialog (task/fetch).</summary>
    public Task<DialogAnswer> OpenDialogAsync(TeamsUser user, JsonObject card, string title) =>
        PostDialogAsync(chat.DialogFetch(user, ButtonData(card, title)));

    /// <summary>Presses the button <paramref name="title"/> of a dialog's <paramref name="card"/> (see <see cref="DialogData"/>).</summary>
    public Task<DialogAnswer> PressDialogAsync(TeamsUser user, JsonObject card, string title, JsonObject? inputs = null) =>
        SubmitDialogAsync(user, DialogData(new DialogAnswer(string.Empty, null, card, null), title, inputs));

    /// <summary>The card a dialog shows (a <c>continue</c> response).</summary>
    public static JsonObject DialogCard(DialogAnswer answer)
    {
        Assert.NotNull(answer.Card);
        return answer.Card;
    }

    /// <summary>The line a dialog closes with (a <c>message</c> response).</summary>
    public static string DialogLine(DialogAnswer answer)
    {
        Assert.NotNull(answer.Line);
        return answer.Line;
    }

    /// <summary>A copy of the data of the button <paramref name="title"/> (an Action.Submit or Action.Execute) on <paramref name="card"/>.</summary>
    public static JsonObject ButtonData(JsonObject card, string title) =>
        (JsonObject)Descendants(card).OfType<JsonObject>()
            .Single(o => o["type"]?.GetValue<string>() is "Action.Submit" or "Action.Execute" && o["title"]?.GetValue<string>() == title)["data"]!.DeepClone();

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

    // The last one: a chat can hold the cards of an earlier session too.
    private ConnectorCall PostedSharedCard() =>
        connector.Calls.Last(c => c.ConversationId == chat.Id && c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && IsSharedCard(c));

    /// <summary>
    /// From <paramref name="view"/> (the facilitator's, at the step before the agreements), moves on, records each
    /// agreement for <paramref name="role"/> on the card and completes the session; returns the report card.
    /// </summary>
    public async Task<JsonObject> CompleteWithAgreementsAsync(TeamsUser facilitator, JsonObject view, string role, params (string What, DateOnly Due)[] agreements)
    {
        view = await PressAsync(facilitator, view, "sessionNext");
        foreach (var (what, due) in agreements)
        {
            view = await PressAsync(facilitator, view, "sessionAgreement", inputs: new JsonObject
            {
                ["agreementWhat"] = what,
                ["agreementOwner"] = role,
                ["agreementDue"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        await PressAsync(facilitator, view, "sessionComplete");
        return ReportCard();
    }

    /// <summary>The last report card posted in this chat.</summary>
    public JsonObject ReportCard() =>
        CardOf(connector.Calls.Last(c => c.ConversationId == chat.Id && c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply
            && c.Activity?["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true).Activity!);

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

    /// <summary>Presses a card button that opens <paramref name="dialog"/> (a task/fetch) for <paramref name="step"/>.</summary>
    /// <param name="sessionId">The session the button names; this chat's session when not given.</param>
    public Task<DialogAnswer> OpenDialogAsync(TeamsUser user, string dialog, string step, string? sessionId = null) =>
        PostDialogAsync(chat.DialogFetch(user, new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "task/fetch" },
            ["dialog"] = dialog,
            ["sessionId"] = sessionId ?? SessionId,
            ["step"] = step,
        }));

    /// <summary>Sends a dialog card's submit (task/submit) with exactly <paramref name="data"/>.</summary>
    public Task<DialogAnswer> SubmitDialogAsync(TeamsUser user, JsonObject data) => PostDialogAsync(chat.DialogSubmit(user, (JsonObject)data.DeepClone()));

    /// <summary>
    /// Presses the button titled <paramref name="title"/> on a dialog's card, as Teams sends it: the button's data with
    /// every input's value on the card merged in, <paramref name="inputs"/> being what the user typed over them.
    /// </summary>
    public Task<DialogAnswer> PressDialogAsync(TeamsUser user, DialogAnswer dialog, string title, JsonObject? inputs = null, Func<JsonObject, bool>? which = null) =>
        SubmitDialogAsync(user, DialogData(dialog, title, inputs, which));

    /// <summary>What pressing a dialog button sends.</summary>
    public static JsonObject DialogData(DialogAnswer dialog, string title, JsonObject? inputs = null, Func<JsonObject, bool>? which = null)
    {
        var card = dialog.Card ?? throw new InvalidOperationException($"The dialog shows no card but: {dialog.Line}");
        var button = Descendants(card).OfType<JsonObject>()
            .First(o => o["type"]?.GetValue<string>() == "Action.Submit" && o["title"]?.GetValue<string>() == title && (which?.Invoke(o["data"]!.AsObject()) ?? true));
        return WithInputs(card, button["data"]!.AsObject(), inputs);
    }

    public async Task<DialogAnswer> PostDialogAsync(JsonObject activity)
    {
        using var response = await post(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var task = JsonNode.Parse(raw)?["task"];
        return task?["type"]?.GetValue<string>() switch
        {
            "continue" => new DialogAnswer(raw, task["value"]!["title"]?.GetValue<string>(), task["value"]!["card"]!["content"]!.AsObject(), null),
            "message" => new DialogAnswer(raw, null, null, task["value"]!.GetValue<string>()),
            _ => new DialogAnswer(raw, null, null, null),
        };
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

/// <summary>
/// A dialog's answer as Teams gets it: a card to show (<see cref="Card"/>, with the dialog's <see cref="Title"/>), a
/// line that closes it (<see cref="Line"/>), or neither (it closes silently). <see cref="Raw"/> is the body as sent.
/// </summary>
public sealed record DialogAnswer(string Raw, string? Title, JsonObject? Card, string? Line)
{
    public bool Closes => Card is null;

    public string Text => Card is null ? Line ?? string.Empty : TextOf(Card);
}
