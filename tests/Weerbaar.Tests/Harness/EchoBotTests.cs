using System.Net;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Harness;

/// <summary>The floor the load compares with: the harness's bare echo bot, run as a process like the load runs it.</summary>
[Slow(SlowKind.Process)]
public sealed class EchoBotTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AMessage_GetsItsOwnTextBack_WithoutACard(bool lean)
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var echo = await BotProcess.StartAsync(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = string.Empty, ["MicrosoftAppPassword"] = string.Empty },
            program: lean ? [BotCommand.Harness, "echo-bot", "--lean"] : [BotCommand.Harness, "echo-bot"]);
        var question = "Wat moet er in een noodpakket?";

        using var response = await echo.PostActivityAsync(new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl).Message(TeamsUser.Create("Anna"), question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForSentAsync(1));
        Assert.Equal(question, reply["text"]!.GetValue<string>());
        Assert.Empty(reply["attachments"]?.AsArray() ?? []);
    }
}
