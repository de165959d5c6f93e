using System.Net;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>Teams redelivers a message when the reply was slow: the same activity id is answered once.</summary>
[Slow(SlowKind.Host)]
public sealed class RedeliveryTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task SameMessageDeliveredTwice_IsAnsweredOnce_AndANewMessageIsAnsweredAgain()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var message = chat.Message(_anna, "Wat moet er in een noodpakket?");

        var first = await Bot.PostActivityAsync(message);
        var again = await Bot.PostActivityAsync(message.DeepClone());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(Connector.SentActivities);

        await Bot.PostActivityAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));
        Assert.Equal(2, Connector.SentActivities.Count);
    }
}
