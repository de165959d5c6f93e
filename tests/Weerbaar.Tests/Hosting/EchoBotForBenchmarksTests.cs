using System.Net;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>The echo bot the load benchmark measures the bare pipeline with: on only when asked, on the same host.</summary>
[Slow(SlowKind.Host)]
public sealed class EchoBotForBenchmarksTests : LocalBotTest
{
    private const string Question = "Wat moet er in een noodpakket?";

    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task WithTheSettingOn_AMessageGetsItsOwnTextBack_AndStartupSaysSo()
    {
        await using var echo = new BotApp(new Dictionary<string, string?> { ["Bench:EchoBotForBenchmarks"] = "true" });

        var response = await echo.PostActivityAsync(new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl).Message(_anna, Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.SentActivities);
        Assert.Equal(Question, reply["text"]!.GetValue<string>());
        Assert.Empty(reply["attachments"]?.AsArray() ?? []);
        Assert.Contains(echo.Logs.Entries, entry => entry.Contains("Bench:EchoBotForBenchmarks is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ByDefault_TheQuestionIsAnswered_NotEchoed()
    {
        var response = await Bot.PostActivityAsync(new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl).Message(_anna, Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.SentActivities);
        Assert.NotEqual(Question, reply["text"]?.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.DoesNotContain(Bot.Logs.Entries, entry => entry.Contains("EchoBotForBenchmarks", StringComparison.Ordinal));
    }
}
