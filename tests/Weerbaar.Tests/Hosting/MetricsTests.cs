using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// <c>/metrics</c> serves Weerbaar's meter in the Prometheus text format: turns by activity type and answers by kind,
/// with no user text or ids in it. Several bots run in this process at once, so the tests only look for what their
/// own turns must have added.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class MetricsTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task AfterAQuestion_MetricsCountTheMessageTurnAndTheAnswer()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await PostAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        var metrics = await ScrapeAsync();

        Assert.Matches(@"(?m)^weerbaar_turns_total\{[^}]*type=""message""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_turn_duration_milliseconds_count\{[^}]*type=""message""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_answers_total\{[^}]*kind=""answered""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_answer_modes_total\{[^}]*mode=""extractive""[^}]*\} [1-9]", metrics);
    }

    [Fact]
    public async Task AnOutOfScopeQuestion_IsCountedAsAnAbstention()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await PostAsync(chat.Message(_anna, "Wie wint de Tour de France dit jaar?"));

        var metrics = await ScrapeAsync();

        Assert.Matches(@"(?m)^weerbaar_answers_total\{[^}]*kind=""not_known""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_abstentions_total(\{[^}]*\})? [1-9]", metrics);
    }

    [Fact]
    public async Task ASessionRunToItsReport_IsCountedAsStartedAndCompleted()
    {
        var solo = TeamsUser.Create("Solo");
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl));
        var view = await session.StartAsync(solo, steps: ["opening", "afspraken"]);
        view = await session.PressAsync(solo, view, "sessionNext");
        view = await session.PressAsync(solo, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await session.PressAsync(solo, view, "sessionComplete");

        var metrics = await ScrapeAsync();

        Assert.Matches(@"(?m)^weerbaar_sessions_started_total(\{[^}]*\})? [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_sessions_completed_total(\{[^}]*\})? [1-9]", metrics);
        Assert.Matches(@"(?m)^weerbaar_turns_total\{[^}]*type=""invoke""[^}]*\} [1-9]", metrics);
    }

    [Fact]
    public async Task Metrics_HoldNoUserTextIdsOrNames()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await PostAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        var metrics = await ScrapeAsync();

        Assert.DoesNotContain("noodpakket", metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_anna.Id, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(_anna.AadObjectId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.Id, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsSwitchedOff_HaveNoEndpoint()
    {
        await using var bot = new BotApp(new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        using var client = bot.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_MetricsAreOffUnlessSwitchedOn()
    {
        await using var unset = new BotApp(environment: "Production");
        await using var switchedOn = new BotApp(new Dictionary<string, string?> { ["Metrics:Enabled"] = "true" }, environment: "Production");
        using var unsetClient = unset.CreateClient();
        using var switchedOnClient = switchedOn.CreateClient();

        var off = await unsetClient.GetAsync("/metrics");
        var on = await switchedOnClient.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
    }

    private async Task PostAsync(JsonObject activity)
    {
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Connector.SentActivities);
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = Bot.CreateClient();
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
