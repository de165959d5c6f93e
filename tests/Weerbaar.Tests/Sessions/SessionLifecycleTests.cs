using System.Net;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>A session survives a restart of the bot, and runs in a personal chat with one person as facilitator and participant.</summary>
[Slow(SlowKind.Host)]
public sealed class SessionLifecycleTests
{
    [Fact]
    public async Task RestartMidSession_ContinuesWhereItWas()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var database = new Dictionary<string, string?> { ["ConnectionStrings:Weerbaar"] = $"Data Source={Path.Combine(TestDirectories.Create("db"), "weerbaar.db")}" };
        var chat = new TeamsConversation(TeamsScope.GroupChat, connector.ServiceUrl);
        var lead = TeamsUser.Create("Gespreksleider");
        await using (var before = new BotApp(database))
        {
            var session = new SessionConversation(before, connector, chat);
            var view = await session.StartAsync(lead);
            await session.PressAsync(lead, view, "sessionNext");
            await session.ContributeAsync(TeamsUser.Create("Deelnemer"), "Voor de herstart");
        }

        await using var after = new BotApp(database);
        var resumed = new SessionConversation(after, connector, chat);
        var response = await after.PostActivityAsync(chat.Message(lead, "status"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = connector.SentActivities[^1]["text"]!.GetValue<string>();
        Assert.StartsWith("Stap 2 van 9.", status, StringComparison.Ordinal);
        Assert.Contains("1 bijdrage bij deze stap", status, StringComparison.Ordinal);
        Assert.Contains("Stap 3 van 9", TextOf(await resumed.PressAsync(lead, await resumed.ViewAsync(lead), "sessionNext")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoloSessionInAPersonalChat_OnePersonLeadsAndContributes()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var bot = new BotApp();
        var solo = TeamsUser.Create("Solo");
        var session = new SessionConversation(bot, connector, new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl));

        var view = await session.StartAsync(solo, steps: ["opening", "afspraken"]);
        Assert.Contains("u bent gespreksleider", TextOf(view), StringComparison.Ordinal);
        Assert.Contains("Dank u. Uw bijdrage is opgeslagen.", TextOf(await session.ContributeAsync(solo, "Mijn eigen bijdrage")), StringComparison.Ordinal);

        view = await session.PressAsync(solo, await session.ViewAsync(solo), "sessionNext");
        Assert.Contains("Stap 2 van 2", TextOf(view), StringComparison.Ordinal);
    }
}
