using System.Net;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>Request bodies over <c>Bot:MaxRequestBytes</c> (256 KB) are refused with 413 before anything runs.</summary>
[Slow(SlowKind.Host)]
public sealed class RequestLimitTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task BodyOverTheLimit_Gets413_AndNoReply()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var huge = chat.Message(_anna, new string('a', 300 * 1024));

        var response = await Bot.PostActivityAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task BodyJustUnderTheLimit_IsProcessed()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var large = chat.Message(_anna, "Wat moet er in een noodpakket? " + new string('x', 200 * 1024));

        var response = await Bot.PostActivityAsync(large);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.SentActivities);
    }
}
