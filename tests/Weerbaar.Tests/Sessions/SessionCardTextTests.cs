using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// What the session cards and lines say, as a member reads them on a phone: a success looks like one, counts read as
/// Dutch, an empty step says so, and typed commands get an answer in the chat. Each test has its own group chat, so
/// they share one bot.
/// </summary>
public sealed class SessionCardTextTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task ASuccessShowsInTheGoodColour_ARefusalInTheAttentionColour()
    {
        var started = await Session.StartAsync(_lead);
        var saved = await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var refused = await Session.PressAsync(_anna, await Session.ViewAsync(_anna), "sessionContribute");

        Assert.Equal("Good", ColourOf(started, "De sessie is gestart."));
        Assert.Equal("Good", ColourOf(saved, "Dank u. Uw bijdrage is opgeslagen."));
        Assert.Equal("Attention", ColourOf(refused, "Uw bijdrage is leeg."));
    }

    // The colour of the text block that starts with the given sentence.
    private static string? ColourOf(JsonObject card, string sentence) =>
        Assert.Single(Descendants(card).OfType<JsonObject>(), o => o["text"]?.GetValue<string>()?.StartsWith(sentence, StringComparison.Ordinal) == true)["color"]?.GetValue<string>();
}
