using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// A user (or a conversation) sending more than the per-minute limit is asked, once and in Dutch, to wait; the extra
/// turns do not run, nothing fails, and other users carry on.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class TurnRateLimitTests : IAsyncLifetime
{
    private readonly TeamsUser _fast = TeamsUser.Create("Snelle Typist");
    private readonly TeamsUser _calm = TeamsUser.Create("Rustige Collega");
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _bot = new BotApp(new Dictionary<string, string?>
        {
            ["Bot:TurnsPerUserPerMinute"] = "3",
            ["Bot:TurnsPerConversationPerMinute"] = "5",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task UserOverTheLimit_IsAskedOnceToWait_AndOtherUsersAreStillAnswered()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        for (var i = 0; i < 6; i++)
        {
            var response = await _bot.PostActivityAsync(chat.Message(_fast, "help"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var texts = _connector.SentActivities.Select(a => a["text"]?.GetValue<string>() ?? "(kaart)").ToList();
        Assert.Equal(4, texts.Count);
        Assert.Single(texts, t => t.Contains("Wacht een minuut", StringComparison.Ordinal));

        var other = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        await _bot.PostActivityAsync(other.Message(_calm, "help"));
        Assert.Equal(5, _connector.SentActivities.Count);
    }

    [Fact]
    public async Task CardActionOverTheLimit_GetsTheWaitMessageAsItsAnswer()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        string? last = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await _bot.PostActivityAsync(chat.CardAction(_fast, "help"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("Wacht een minuut", JsonNode.Parse(last!)!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationOverItsLimit_IsLimitedAcrossItsMembers()
    {
        var group = new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl);
        var members = Enumerable.Range(1, 7).Select(i => TeamsUser.Create($"Lid {i}")).ToList();
        foreach (var member in members)
        {
            Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(group.Message(member, "help"))).StatusCode);
        }

        Assert.Equal(5, _connector.SentActivities.Count(a => a["attachments"] is JsonArray { Count: > 0 }));
    }
}
