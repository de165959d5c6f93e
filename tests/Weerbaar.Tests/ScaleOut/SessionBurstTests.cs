using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.ScaleOut;

/// <summary>
/// A gesprekstool group of 30 pressing "Versturen" in the same second, with the connector throttling as Teams does
/// (about 7 calls per second per conversation, 429 with Retry-After beyond): every press is answered, every
/// contribution stored once. On two instances sharing PostgreSQL and on one instance on SQLite. The p95 of the 30
/// presses goes to the test output (a figure for the closing note, not a gate: it depends on the machine).
/// </summary>
[Slow(SlowKind.Process, SlowKind.Postgres)]
public sealed class SessionBurstTests(TwoInstanceFixture instances) : IClassFixture<TwoInstanceFixture>
{
    private const int Participants = 30;
    private const int TeamsCallsPerSecond = 7;

    [Fact]
    public async Task ThirtyContributionsWithinOneSecond_OnTwoInstancesOnPostgres_AreAllAnsweredAndStoredOnce()
    {
        instances.RequireAvailable();
        var turn = 0;
        var chat = new TeamsConversation(TeamsScope.GroupChat, instances.Connector.ServiceUrl);
        var session = new SessionConversation(activity => instances.PostAsync(activity, Interlocked.Increment(ref turn)), instances.Connector, chat);
        instances.Connector.CallsPerSecondPerConversation = TeamsCallsPerSecond;
        try
        {
            var texts = await BurstAsync(session, instances.Connector, "PostgreSQL, 2 instances");
            await using var db = (await instances.Database.MigrateAsync()).CreateDbContext();
            var state = (await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(session.SessionId), TestContext.Current.CancellationToken)).State;
            Assert.All(texts, text => Assert.Equal(1, TwoInstanceTests.Occurrences(state, $"\"{text}\"")));
        }
        finally
        {
            instances.Connector.CallsPerSecondPerConversation = null;
        }
    }

    [Fact]
    public async Task ThirtyContributionsWithinOneSecond_OnOneInstanceOnSqlite_AreAllAnsweredAndStoredOnce()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var bot = new BotApp();
        connector.CallsPerSecondPerConversation = TeamsCallsPerSecond;
        var session = new SessionConversation(bot, connector, new TeamsConversation(TeamsScope.GroupChat, connector.ServiceUrl));

        var texts = await BurstAsync(session, connector, "SQLite, 1 instance");

        await using var db = bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var state = (await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(session.SessionId), TestContext.Current.CancellationToken)).State;
        Assert.All(texts, text => Assert.Equal(1, TwoInstanceTests.Occurrences(state, $"\"{text}\"")));
    }

    // Starts a session, opens every participant's view, then has all 30 press "Versturen" at once.
    private static async Task<List<string>> BurstAsync(SessionConversation session, ConnectorStandIn connector, string setting)
    {
        var lead = TeamsUser.Create("Gespreksleider");
        await session.StartAsync(lead, steps: ["opening", "afspraken"]);
        var users = Enumerable.Range(1, Participants).Select(i => TeamsUser.Create($"Deelnemer {i}")).ToList();
        var views = await Task.WhenAll(users.Select(user => session.ViewAsync(user)));
        var texts = users.Select((_, i) => $"Burst-bijdrage {i + 1}").ToList();

        var throttledBefore = connector.Throttled;
        var started = Stopwatch.GetTimestamp();
        var results = await Task.WhenAll(users.Select(async (user, i) =>
        {
            var button = ExecuteActions(views[i]).First(a => a!["verb"]!.GetValue<string>() == "sessionContribute")!["data"]!.AsObject();
            var question = button["question"]!.GetValue<string>();
            var pressed = Stopwatch.GetTimestamp();
            var view = await session.PressAsync(user, views[i], "sessionContribute", d => d["question"]!.GetValue<string>() == question,
                new JsonObject { ["answer_" + question] = texts[i] });
            return (View: view, Milliseconds: Stopwatch.GetElapsedTime(pressed).TotalMilliseconds, Sent: Stopwatch.GetElapsedTime(started, pressed));
        }));

        Assert.All(results, r => Assert.Contains("Uw bijdrage is opgeslagen", TextOf(r.View), StringComparison.Ordinal));
        Assert.True(results.Max(r => r.Sent) < TimeSpan.FromSeconds(1), "all 30 presses went out within one second");
        var sorted = results.Select(r => r.Milliseconds).Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst ({setting}): {Participants} contributions, p50 {sorted[sorted.Count / 2]:0} ms, p95 {sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]:0} ms, max {sorted[^1]:0} ms; connector calls answered 429: {connector.Throttled - throttledBefore}"));
        return texts;
    }
}
