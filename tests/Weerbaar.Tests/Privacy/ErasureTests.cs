using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Privacy;

/// <summary>
/// "verwijder mijn gegevens": in the personal chat the user's contributions lose the link to them (the text stays),
/// sessions they led no longer name them, their chat history with the bot is gone, and the bot says what it erased.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class ErasureTests : LocalBotTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Gespreksleider");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task EraseInPersonalChat_UnlinksContributionsAndSessions_ClearsHistory_AndSaysWhat()
    {
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await session.StartAsync(_anna, steps: ["opening", "afspraken"]);
        await session.ContributeAsync(_anna, "Anna denkt aan noodstroom");
        await session.ContributeAsync(_lead, "Bijdrage van de ander");
        var personal = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await Bot.PostActivityAsync(personal.Message(_anna, "Wat moet er in een noodpakket?"));
        Assert.True(await StateExistsAsync($"msteams/conversations/{personal.Id}"));

        var reply = await SendAsync(personal, "verwijder mijn gegevens");

        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("- 1 bijdrage aan een gesprekssessie is losgekoppeld van u.", text, StringComparison.Ordinal);
        Assert.Contains("- 1 sessie die u leidde, staat niet meer op uw naam.", text, StringComparison.Ordinal);
        await using var db = Db();
        var stored = await db.Sessions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(_anna.Id, stored.State, StringComparison.Ordinal);
        Assert.Null(stored.FacilitatorUserId);
        Assert.Contains("Anna denkt aan noodstroom", stored.State, StringComparison.Ordinal);
        Assert.Contains(_lead.Id, stored.State, StringComparison.Ordinal);
        Assert.False(await StateExistsAsync($"msteams/conversations/{personal.Id}"));
    }

    [Fact]
    public async Task EraseInPersonalChat_OfAMemberWhoOnlyVoted_UnlinksTheirVotes_AndTheCountsStay()
    {
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        var view = await session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await session.ContributeAsync(_lead, "Noodstroom");
        await session.ContributeAsync(_lead, "Telefoonlijst");
        view = await session.PressAsync(_lead, view, "sessionReveal");
        await session.PressAsync(_lead, view, "sessionOpenVoting");
        var form = await session.OpenDialogAsync(_anna, "sessionVote", "opening");
        var input = Descendants(form.Card!).OfType<JsonObject>().First(o => o["type"]?.GetValue<string>() == "Input.Number")["id"]!.GetValue<string>();
        await session.PressDialogAsync(_anna, form, "Stemmen opslaan", new JsonObject { [input] = "2" });

        await SendAsync(new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl), "verwijder mijn gegevens");

        await using var db = Db();
        var stored = Weerbaar.Core.Sessions.SessionStateJson.Deserialize((await db.Sessions.SingleAsync(TestContext.Current.CancellationToken)).State);
        Assert.DoesNotContain(_anna.Id, Weerbaar.Core.Sessions.SessionStateJson.Serialize(stored), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(stored.Votes).Count);
    }

    [Fact]
    public async Task EraseInAGroupChat_PointsToThePersonalChat_AndErasesNothing()
    {
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await session.StartAsync(_anna, steps: ["opening", "afspraken"]);

        var reply = await SendAsync(session.Chat, "verwijder mijn gegevens");

        Assert.Contains("persoonlijke chat", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = Db();
        Assert.Equal(_anna.Id, (await db.Sessions.SingleAsync(TestContext.Current.CancellationToken)).FacilitatorUserId);
    }

    private async Task<JsonObject> SendAsync(TeamsConversation chat, string text)
    {
        var before = Connector.SentActivities.Count;
        var response = await Bot.PostActivityAsync(chat.Message(_anna, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Connector.SentActivities.Skip(before).Last();
    }

    private async Task<bool> StateExistsAsync(string key)
    {
        await using var db = Db();
        return await db.StateRecords.AnyAsync(r => r.Key == key, TestContext.Current.CancellationToken);
    }

    private WeerbaarDbContext Db() => Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
}
