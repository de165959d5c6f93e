using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// A gesprekstool session during a Teams meeting, over HTTP: in the chat of a scheduled meeting (a group chat) and in
/// a channel meeting (a thread in the channel), with a facilitator and two participants, from "start sessie" to the
/// report in that same meeting conversation. Each test has its own conversation, so they share one bot.
/// </summary>
public sealed class MeetingSessionTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");

    [Theory]
    [InlineData(TeamsScope.GroupChat)]
    [InlineData(TeamsScope.Channel)]
    public async Task SessionInAMeetingsChat_RunsFromStartToReport_AllInThatConversation(TeamsScope scope)
    {
        var meeting = new TeamsConversation(scope, Connector.ServiceUrl, meeting: true);
        var session = new SessionConversation(Bot, Connector, meeting);
        foreach (var member in new[] { _lead, _anna, _bram })
        {
            Connector.Members[member.Id] = member.Name;
        }

        var view = await session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        Assert.Contains("u bent gespreksleider", TextOf(view), StringComparison.Ordinal);
        var shared = session.SharedCard();
        Assert.Contains("Stap 1 van 2", TextOf(shared), StringComparison.Ordinal);

        // Everyone in the meeting gets their own view on the shared card without pressing anything.
        var refreshed = shared["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        Assert.Contains(_anna.Id, refreshed);
        Assert.Contains(_bram.Id, refreshed);

        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(await session.ContributeAsync(_anna, "Wij hebben geen noodstroom")), StringComparison.Ordinal);
        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(await session.ContributeAsync(_bram, "Wij kunnen koffie schenken")), StringComparison.Ordinal);

        view = await session.PressAsync(_lead, await session.ViewAsync(_lead), "sessionNext");
        Assert.Contains("Stap 2 van 2", TextOf(session.SharedCard()), StringComparison.Ordinal);

        view = await session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("De afspraak is toegevoegd", TextOf(view), StringComparison.Ordinal);

        // Completing asks first, on the card itself.
        var finish = Descendants(view).OfType<JsonObject>().Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard"
            && ExecuteActions(o).Any(a => a!["verb"]!.GetValue<string>() == "sessionComplete"));
        await session.PressAsync(_lead, finish["card"]!.AsObject(), "sessionComplete");

        var report = Assert.Single(Connector.Calls, c => c.Activity?["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true);
        Assert.Equal(meeting.Id, report.ConversationId);
        var reportCard = CardOf(report.Activity!);
        Assert.Contains("2 bijdragen, 1 afspraak", TextOf(reportCard), StringComparison.Ordinal);
        var markdownUrl = reportCard["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>();
        using var client = Bot.CreateClient();
        var markdown = await client.GetStringAsync(new Uri(markdownUrl).PathAndQuery);
        Assert.Contains("Wij hebben geen noodstroom", markdown, StringComparison.Ordinal);
        Assert.Contains("Wij kunnen koffie schenken", markdown, StringComparison.Ordinal);
        Assert.Contains("Noodstroom regelen", markdown, StringComparison.Ordinal);

        // Nothing went to another conversation, and nothing Teams refused.
        var posted = Connector.Calls.Where(c => c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply or ConnectorCallKind.Update).ToList();
        Assert.NotEmpty(posted);
        Assert.All(posted, c => Assert.Equal(meeting.Id, c.ConversationId));
        Assert.All(Connector.Calls, c => Assert.True(c.AnsweredStatus is >= 200 and < 300, $"{c.Kind} {c.Path}: {c.AnsweredStatus}"));
    }
}
