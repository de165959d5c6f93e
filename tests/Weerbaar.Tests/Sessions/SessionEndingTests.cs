using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Nothing is lost by one click: ending a session takes a confirmation, a session with contributions keeps its report
/// (marked "vroegtijdig beëindigd" when ended early), and the cards of a session that is over can no longer change it.
/// Each test has its own group chat, so they share one bot.
/// </summary>
public sealed class SessionEndingTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private const string AreYouSure = "Weet u het zeker? De sessie stopt voor iedereen.";
    private const string SessionIsOver = "Deze sessie is al afgelopen.";

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task EndButtonOnTheCard_OnlyAsks_AndTheSessionRunsOn()
    {
        var view = await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");

        // The button opens a question on the card itself; a one-click end (as cards sent before this had) only asks too.
        var finish = Assert.Single(Descendants(view).OfType<JsonObject>(), o => o["title"]?.GetValue<string>() == "Sessie beëindigen");
        Assert.Equal("Action.ShowCard", finish["type"]!.GetValue<string>());
        Assert.Contains(AreYouSure, TextOf(finish), StringComparison.Ordinal);
        var oneClick = await Session.InvokeCardAsync(_lead, "sessionCancel", Control(view));

        Assert.Contains(AreYouSure, TextOf(oneClick), StringComparison.Ordinal);
        Assert.Contains("Ja, beëindigen", TextOf(oneClick), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);
        Assert.DoesNotContain(Connector.Calls, c => c.Kind == ConnectorCallKind.Update);
        Assert.Null(Report());
    }

    [Fact]
    public async Task ConfirmingOnTheCard_EndsEarly_AndPostsAReportMarkedAsEndedEarly()
    {
        var view = await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");

        var ended = await Session.PressAsync(_lead, view, "sessionEnd");

        Assert.Contains("De sessie is vroegtijdig beëindigd. Het verslag staat hieronder.", TextOf(ended), StringComparison.Ordinal);
        var state = await StateAsync();
        Assert.False(state.IsOpen);
        Assert.Single(state.Contributions);
        var report = Report()!;
        Assert.Contains("vroegtijdig beëindigd, bij stap 2 van 9", TextOf(report), StringComparison.Ordinal);
        Assert.DoesNotContain("Herinnering instellen", TextOf(report), StringComparison.Ordinal);
        var reminder = await Session.InvokeCardAsync(_lead, "sessionReminder", new JsonObject { ["sessionId"] = Session.SessionId, ["weeks"] = "4" });
        Assert.DoesNotContain("Afgesproken", SessionConversation.Message(reminder), StringComparison.Ordinal);
        using var client = Bot.CreateClient();
        foreach (var link in report["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl"))
        {
            var content = WebUtility.HtmlDecode(await ReportDownload.ReadAsync(client, link!["url"]!.GetValue<string>()));
            Assert.Contains("De sessie is vroegtijdig beëindigd, bij stap 2 van 9.", content, StringComparison.Ordinal);
            Assert.Contains("Wij hebben geen noodstroom", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TypedStop_AsksWithACard_AndOnlyTheFacilitatorsConfirmationEnds()
    {
        await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");

        var question = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "stop")));
        Assert.Contains(AreYouSure, TextOf(question), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);

        var byAnna = await Session.PressAsync(_anna, question, "sessionEnd");
        Assert.Contains("Alleen de gespreksleider kan dit doen.", TextOf(byAnna), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);

        var kept = await Session.PressAsync(_lead, question, "sessionContinue");
        Assert.Contains("De sessie gaat door.", TextOf(kept), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);

        await Session.PressAsync(_lead, question, "sessionEnd");
        Assert.Equal(SessionStatus.Completed, (await StateAsync()).Status);
        Assert.Contains("vroegtijdig beëindigd", TextOf(Report()!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingASessionWithoutContributions_LeavesNoReport_AndSaysSo()
    {
        await Session.StartAsync(_lead);
        var question = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "stop")));
        Assert.Contains("Er zijn nog geen bijdragen. De sessie stopt zonder verslag.", TextOf(question), StringComparison.Ordinal);

        var ended = await Session.PressAsync(_lead, question, "sessionEnd");

        Assert.Contains("Er waren nog geen bijdragen, dus er is geen verslag.", TextOf(ended), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Cancelled, (await StateAsync()).Status);
        Assert.Null(Report());
    }

    [Fact]
    public async Task AfterEnding_TheSharedCardAndTheViewsHaveNoButtonsOrFormsLeft()
    {
        await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionEnd");

        var shared = Session.SharedCard();
        Assert.Contains("De sessie is vroegtijdig beëindigd.", TextOf(shared), StringComparison.Ordinal);
        Assert.Null(shared["refresh"]);
        Assert.Empty(Live(shared));
        foreach (var user in new[] { _lead, _anna })
        {
            var view = await Session.ViewAsync(user);
            Assert.Contains("De sessie is vroegtijdig beëindigd.", TextOf(view), StringComparison.Ordinal);
            Assert.True(Live(view).Count == 0, view.ToJsonString());
        }
    }

    [Fact]
    public async Task EveryOldButton_AfterEnding_SaysTheSessionIsOver_AndChangesNothing()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var annaView = await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var leadFirstStep = await Session.ViewAsync(_lead);
        var leadLastStep = await Session.PressAsync(_lead, leadFirstStep, "sessionNext");
        await Session.PressAsync(_lead, CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "stop"))), "sessionEnd");
        var before = SessionStateJson.Serialize(await StateAsync());
        var callsBefore = Connector.Calls.Count;

        // Among them the "Volgende" already pressed once: its repeat must not bring back the live card it answered with.
        var pressed = new List<string>();
        foreach (var (user, view) in new[] { (_lead, leadFirstStep), (_lead, leadLastStep), (_anna, annaView) })
        {
            var buttons = ExecuteActions(view).Select(a => a!).Where(a => a["verb"]!.GetValue<string>() is not ("sessionView" or "readMore")).ToList();
            var old = buttons.Select(a => (a["verb"]!.GetValue<string>(), (JsonObject)a["data"]!.DeepClone()))
                .Append(("sessionShowAll", Control(view)))
                .Append(("sessionCancel", Control(view)));
            foreach (var (verb, data) in old)
            {
                var response = await Session.InvokeCardAsync(user, verb, data);
                Assert.True(TextOf(response).Contains(SessionIsOver, StringComparison.Ordinal), $"{verb}: {TextOf(response)}");
                Assert.Empty(Live(response));
                pressed.Add(verb);
            }
        }

        Assert.Contains("sessionContribute", pressed);
        Assert.Contains("sessionWithdraw", pressed);
        Assert.Contains("sessionNext", pressed);
        Assert.Contains("sessionTag", pressed);
        Assert.Contains("sessionAgreement", pressed);
        Assert.Contains("sessionComplete", pressed);
        Assert.Contains("sessionTakeOver", pressed);
        Assert.Equal(before, SessionStateJson.Serialize(await StateAsync()));
        Assert.Equal(callsBefore, Connector.Calls.Count);
    }

    [Fact]
    public async Task DoubleClickOnConfirm_EndsOnce_WithOneReport()
    {
        await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var question = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "stop")));

        var answers = await Task.WhenAll(Session.PressAsync(_lead, question, "sessionEnd"), Session.PressAsync(_lead, question, "sessionEnd"));
        var late = await Session.PressAsync(_lead, question, "sessionEnd");

        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
        Assert.Equal(answers[0].ToJsonString(), late.ToJsonString());
        Assert.Single(Connector.SentActivities, IsReport);
        Assert.Single(Connector.Calls, c => c.Kind == ConnectorCallKind.Update && c.AnsweredStatus == 200);
        Assert.Equal(SessionStatus.Completed, (await StateAsync()).Status);
    }

    [Fact]
    public async Task SecondStart_SuggestsStop_WhichThenAsksFirst()
    {
        await Session.StartAsync(_lead);

        var suggestion = (await Session.SendAsync(Session.Chat.Message(_anna, "start sessie")))["text"]!.GetValue<string>();
        Assert.Contains("**stop**", suggestion, StringComparison.Ordinal);
        Assert.Contains("eerst om bevestiging", suggestion, StringComparison.Ordinal);

        var stop = await Session.SendAsync(Session.Chat.Message(_lead, "stop"));
        Assert.Contains(AreYouSure, TextOf(CardOf(stop)), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);
    }

    // The data an old card's session buttons sent: the session, the step it showed and the card's token.
    private static JsonObject Control(JsonObject view) =>
        (JsonObject)ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() is "sessionNext" or "sessionReady")!["data"]!.DeepClone();

    // What a member could still press or fill in.
    // Inputs and buttons that act on the session. Reading on (the folded rest of a text, the article on how to get
    // the video) changes nothing and still works after the end; a ShowCard's own content is checked on its own.
    private static List<JsonObject> Live(JsonObject card) =>
        [.. Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() is string type
            && type != "Action.ShowCard" && o["verb"]?.GetValue<string>() != "readMore"
            && (type.StartsWith("Action.", StringComparison.Ordinal) || type.StartsWith("Input.", StringComparison.Ordinal)))];

    private static bool IsReport(JsonObject activity) => activity["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true;

    private JsonObject? Report() => Connector.SentActivities.LastOrDefault(IsReport) is { } activity ? CardOf(activity) : null;

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), CancellationToken.None))!.State;
}
