using System.Net;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// Replies through a connector that throttles, fails or hangs: a 429 is waited out and the reply sent once; a 5xx on a
/// create is not repeated (no duplicate message); a hanging call is cut off and the turn ends.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class OutboundFaultTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task ThrottledReply_IsWaitedOut_AndSentOnce()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));

        var response = await Bot.PostActivityAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var creates = Creates();
        Assert.Equal([429, 200], creates.Select(c => c.AnsweredStatus));
        Assert.Equal("Wat hoort er in een noodpakket?", Assert.Single(Connector.SentActivities)["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task ServerErrorOnAReply_IsNotRepeated_SoNoMessageShowsTwice()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.FailNext(1, HttpStatusCode.BadGateway);

        await Bot.PostActivityAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        var creates = Creates();
        Assert.Equal(2, creates.Count);
        Assert.Equal(502, creates[0].AnsweredStatus);
        Assert.Contains("er ging bij mij iets mis", Assert.Single(Connector.SentActivities)["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottledForLongerThanTheCap_IsNotWaitedOut()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(5));

        await Bot.PostActivityAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        Assert.Equal(429, Creates()[0].AnsweredStatus);
        Assert.DoesNotContain(Connector.SentActivities, a => a["summary"]?.GetValue<string>() == "Wat hoort er in een noodpakket?");
    }

    [Fact]
    public async Task HangingConnector_IsCutOff_AndTheTurnEnds()
    {
        await using var bot = new BotApp(new Dictionary<string, string?> { ["Bot:ConnectorTimeoutSeconds"] = "1" });
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.Delay = TimeSpan.FromSeconds(30);

        var response = await bot.PostActivityAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Logs.Entries, entry => entry.Contains("Turn failed", StringComparison.Ordinal));
        Connector.Delay = TimeSpan.Zero;
    }

    private List<ConnectorCall> Creates() => [.. Connector.Calls.Where(c => c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply)];
}
