using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The loop closed, over HTTP: a new session in a chat that had one shows what was agreed last time ("Vorige keer
/// afgesproken"), the facilitator ticks what is done, and the report records it.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class SessionLoopTests : ClockedSessionTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    // The day of the first session; the agreements' due dates and the assertions share it while the clock moves on.
    private readonly DateOnly _today;

    public SessionLoopTests() => _today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task NextSession_ShowsLastTimesAgreements_FacilitatorMarksTheDoneOnes_ReportRecordsIt()
    {
        await CompleteSessionAsync(("Noodplan oefenen", _today.AddMonths(1)), ("Noodstroom regelen", _today.AddMonths(2)));

        Clock.Advance(TimeSpan.FromDays(7));
        var lead = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);

        var shared = TextOf(Session.SharedCard());
        Assert.True(shared.Contains("Vorige keer afgesproken", StringComparison.Ordinal), shared);
        Assert.Contains($"**nog open** – Noodplan oefenen – crisiscoördinator – uiterlijk {Dutch(_today.AddMonths(1))}", shared, StringComparison.Ordinal);
        Assert.Contains("0 van de 2 afspraken van vorige keer zijn afgerond.", shared, StringComparison.Ordinal);
        var participant = await Session.ViewAsync(_anna);
        Assert.Contains("**nog open** – Noodstroom regelen", TextOf(participant), StringComparison.Ordinal);
        Assert.Empty(Toggles(participant));
        Assert.DoesNotContain(ExecuteActions(participant), a => a!["verb"]!.GetValue<string>() == "sessionPreviousDone");

        // The facilitator ticks the first one and saves.
        var toggles = Toggles(lead);
        Assert.Equal(2, toggles.Count);
        var plan = toggles.Single(t => t["label"]!.GetValue<string>().StartsWith("Noodplan oefenen", StringComparison.Ordinal))["id"]!.GetValue<string>();
        var power = toggles.Single(t => t["label"]!.GetValue<string>().StartsWith("Noodstroom regelen", StringComparison.Ordinal))["id"]!.GetValue<string>();
        var saved = await Session.PressAsync(_lead, lead, "sessionPreviousDone", inputs: new JsonObject { [plan] = "true", [power] = "false" });

        Assert.Contains("Opgeslagen. 1 van de 2 afspraken van vorige keer is afgerond.", SessionConversation.Message(saved), StringComparison.Ordinal);
        Assert.Equal("true", Toggles(saved).Single(t => t["id"]!.GetValue<string>() == plan)["value"]!.GetValue<string>());
        Assert.Contains("**afgerond** – Noodplan oefenen", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        // A participant's forged press and a made-up agreement change nothing.
        var forged = await Session.InvokeCardAsync(_anna, "sessionPreviousDone", Data(saved, new JsonObject { [power] = "true" }));
        Assert.Contains("Alleen de gespreksleider", SessionConversation.Message(forged), StringComparison.Ordinal);
        var unknown = await Session.InvokeCardAsync(_lead, "sessionPreviousDone", Data(saved, new JsonObject { ["done_" + Guid.NewGuid().ToString("N")] = "true" }));
        Assert.Contains("hoort niet bij de afspraken van vorige keer", SessionConversation.Message(unknown), StringComparison.Ordinal);
        Assert.Contains("1 van de 2 afspraken van vorige keer is afgerond.", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        var report = await FinishAsync(saved, ("Evalueren", _today.AddMonths(3)));

        Assert.Contains("1 van de 2 afspraken van vorige keer is afgerond.", TextOf(report), StringComparison.Ordinal);
        using var client = Bot.CreateClient();
        var word = await ReportDownload.ReadAsync(client, ReportDownload.Link(report, "Verslag als Word-document"));
        Assert.Contains($"• Noodplan oefenen — crisiscoördinator — uiterlijk {Dutch(_today.AddMonths(1))}: afgerond", word, StringComparison.Ordinal);
        Assert.Contains($"• Noodstroom regelen — crisiscoördinator — uiterlijk {Dutch(_today.AddMonths(2))}: nog open", word, StringComparison.Ordinal);
        var markdown = await ReportDownload.ReadAsync(client, ReportDownload.Link(report, "Verslag als tekstbestand"));
        Assert.Contains("## Vorige keer afgesproken", markdown, StringComparison.Ordinal);

        // The session after that brings along what is still open: this session's own agreement and the undone one.
        Clock.Advance(TimeSpan.FromDays(7));
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var third = TextOf(Session.SharedCard());
        Assert.Contains("**nog open** – Evalueren", third, StringComparison.Ordinal);
        Assert.Contains("**nog open** – Noodstroom regelen", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Noodplan oefenen", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionEndedWithStop_StillHandsOnItsAgreements()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodplan oefenen",
            ["agreementOwner"] = "crisiscoördinator",
            ["agreementDue"] = _today.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var question = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "stop")));
        await Session.PressAsync(_lead, question, "sessionEnd");
        Assert.Contains("1 afspraak", TextOf(Session.ReportCard()), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(7));
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);

        Assert.Contains("**nog open** – Noodplan oefenen", TextOf(Session.SharedCard()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSession_AndASessionInAnotherChat_ShowNothingOfLastTime()
    {
        await CompleteSessionAsync(("Noodplan oefenen", _today.AddMonths(1)));
        var other = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

        var lead = await other.StartAsync(_lead, steps: ["opening", "afspraken"]);

        Assert.DoesNotContain("Vorige keer", TextOf(other.SharedCard()), StringComparison.Ordinal);
        Assert.Empty(Toggles(lead));
    }

    private async Task<JsonObject> CompleteSessionAsync(params (string What, DateOnly Due)[] agreements)
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        Assert.DoesNotContain("Vorige keer", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        Assert.Empty(Toggles(view));
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        return await FinishAsync(await Session.ViewAsync(_lead), agreements);
    }

    private Task<JsonObject> FinishAsync(JsonObject view, params (string What, DateOnly Due)[] agreements) =>
        Session.CompleteWithAgreementsAsync(_lead, view, "crisiscoördinator", agreements);

    private static List<JsonObject> Toggles(JsonObject card) =>
        [.. Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Input.Toggle")];

    // What "Opslaan" sends: the button's data with the toggles' values merged in, as Teams does.
    private static JsonObject Data(JsonObject view, JsonObject inputs)
    {
        var data = (JsonObject)ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionPreviousDone")!["data"]!.DeepClone();
        foreach (var (key, value) in inputs)
        {
            data[key] = value?.DeepClone();
        }

        return data;
    }

    private static string Dutch(DateOnly date) => Weerbaar.Core.Language.DutchDates.Format(date);

}
