using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
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

    [Fact]
    public async Task SameMessageDeliveredTwiceAtOnce_IsAnsweredOnce_AndItsUnansweredQuestionIsKeptOnce()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var message = chat.Message(_anna, "Wie wint de Tour de France dit jaar?");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Bot.PostActivityAsync(message.DeepClone()))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(Connector.SentActivities);
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Equal(1, await db.UnansweredQuestions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.ProcessedActivities.CountAsync(TestContext.Current.CancellationToken));
    }
}
