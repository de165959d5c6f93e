using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// Bad input at <c>/api/messages</c>: the caller gets a 4xx or a silent 200 as fits, never a 500 and never a stack
/// trace, and nothing is processed.
/// </summary>
public sealed class MessagesEndpointTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "invalid JSON", "{\"type\": \"message\", " },
        { "empty body", string.Empty },
        { "JSON array", "[{\"type\":\"message\"}]" },
        { "JSON string", "\"message\"" },
        { "two documents", "{\"type\":\"message\"}{\"type\":\"message\"}" },
        { "deep nesting", new string('[', 5000) + new string(']', 5000) },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBody_Gets400WithoutAStackTrace(string description, string body)
    {
        var response = await Bot.PostRawAsync(body);

        await AssertRejectedAsync(response, description);
    }

    [Theory]
    [InlineData("conversation")]
    [InlineData("serviceUrl")]
    [InlineData("type")]
    [InlineData("from")]
    [InlineData("recipient")]
    [InlineData("channelId")]
    public async Task ActivityMissingARequiredPart_Gets400(string missing)
    {
        var activity = Chat().Message(TeamsUser.Create("Anna"), "help");
        activity.Remove(missing);

        var response = await Bot.PostActivityAsync(activity);

        await AssertRejectedAsync(response, missing);
    }

    [Theory]
    [InlineData("serviceUrl", "\"not a url\"")]
    [InlineData("serviceUrl", "\"file:///etc/passwd\"")]
    [InlineData("text", "{\"nested\": true}")]
    [InlineData("conversation", "\"c1\"")]
    [InlineData("timestamp", "\"yesterday\"")]
    [InlineData("type", "42")]
    public async Task ActivityWithAFieldOfTheWrongKind_Gets400(string field, string json)
    {
        var activity = Chat().Message(TeamsUser.Create("Anna"), "help");
        activity[field] = JsonNode.Parse(json);

        var response = await Bot.PostActivityAsync(activity);

        await AssertRejectedAsync(response, field);
    }

    [Fact]
    public async Task UnknownActivityType_GetsASilent200()
    {
        var activity = Chat().Message(TeamsUser.Create("Anna"), "help");
        activity["type"] = "somethingNew";

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task UnicodeEdgeCases_AreAnsweredNormally()
    {
        var response = await Bot.PostActivityAsync(Chat().Message(TeamsUser.Create("Zoë"), "help\u200b \u202e\U0001F6E1\uFE0F e\u0301"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.SentActivities);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("slack")]
    public async Task InDevelopment_AnActivityFromAChannelOtherThanTeamsOrTheEmulator_Gets403_AndNothingRuns(string channel)
    {
        var chat = Chat();
        var emulator = chat.Message(TeamsUser.Create("Anna"), "help");
        emulator["channelId"] = "emulator";
        var foreign = chat.Message(TeamsUser.Create("Anna"), "help");
        foreign["channelId"] = channel;

        var refused = await Bot.PostActivityAsync(foreign);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(Connector.Calls);

        var accepted = await Bot.PostActivityAsync(emulator);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(Connector.SentActivities);
    }

    [Fact]
    public async Task HealthCheck_Is200WhileTheDatabaseAnswers()
    {
        using var client = Bot.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private TeamsConversation Chat() => new(TeamsScope.Personal, Connector.ServiceUrl);

    private async Task AssertRejectedAsync(HttpResponseMessage response, string because)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Empty(Connector.Calls);
    }
}

/// <summary>Fail closed: outside Development a deployment without an app id refuses every caller.</summary>
[Slow(SlowKind.Host)]
public sealed class CallerPolicyTests
{
    [Fact]
    public async Task ProductionWithoutAppId_RefusesEveryCaller_AndRunsNothing()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var bot = new BotApp(environment: "Production");

        var response = await bot.PostActivityAsync(new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl).Message(TeamsUser.Create("Anna"), "help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task DevelopmentWithoutAppId_AcceptsTheLocalEmulator()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var bot = new BotApp(environment: "Development");

        var response = await bot.PostActivityAsync(new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl).Message(TeamsUser.Create("Anna"), "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(connector.SentActivities);
    }
}

/// <summary>/healthz follows the database: 503 once it stops answering.</summary>
[Slow(SlowKind.Host)]
public sealed class HealthCheckTests
{
    [Fact]
    public async Task HealthCheck_Is503WhenTheDatabaseIsGone()
    {
        var folder = TestDirectories.Create("db");
        var path = Path.Combine(folder, "weerbaar.db");
        await using var bot = new BotApp(new Dictionary<string, string?> { ["ConnectionStrings:Weerbaar"] = $"Data Source={path};Pooling=False" });
        using var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // Replace the database file with something that is not a SQLite database.
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(path, "this is not a database");

        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
