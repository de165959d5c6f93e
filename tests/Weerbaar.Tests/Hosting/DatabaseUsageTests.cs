using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// The database work of one turn, as the bot's own metrics count it (<c>weerbaar.turn.db.*</c>, fed by an EF Core
/// interceptor): a gate, so a change that adds a round trip or a write transaction to the hot paths fails here rather
/// than only showing up as latency under load. The numbers are what the code needs today; lower is welcome.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class DatabaseUsageTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task AQuestionTurn_WritesItsRedeliveryClaimWithTheStateOrTheUnansweredQuestion_InOneTransaction()
    {
        using var usage = new TurnUsageListener(Bot);
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await PostAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));

        var answered = await MeasureAsync(usage, chat.Message(_anna, "Hoeveel water moet ik in huis hebben?"));
        var notKnown = await MeasureAsync(usage, chat.Message(_anna, "Wie wint de Tour de France dit jaar?"));

        Assert.Equal(new TurnUsage(RoundTrips: 3, WriteTransactions: 1), answered);
        Assert.Equal(new TurnUsage(RoundTrips: 3, WriteTransactions: 1), notKnown);
    }

    [Fact]
    public async Task SqliteConnections_CommitWithoutWaitingForTheDisk_InWalMode_AndLetSqliteWaitForABusyWriter()
    {
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AThumbsUp_AWelcome_AndAContribution_StayWithinTheirBudget()
    {
        using var usage = new TurnUsageListener(Bot);
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var welcome = await MeasureAsync(usage, chat.BotAdded(_anna));
        await PostAsync(chat.Message(_anna, "Wat moet er in een noodpakket?"));
        var card = CardOf(Connector.SentActivities[^1]);
        var helpful = ExecuteActions(card).First(a => a!["verb"]!.GetValue<string>() == "helpful")!;
        var thumbsUp = await MeasureAsync(usage, chat.CardAction(_anna, "helpful", helpful["data"]!.AsObject().DeepClone().AsObject()));

        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await session.StartAsync(_anna);
        await session.ContributeAsync(_anna, "Een eerste bijdrage");
        await session.ContributeAsync(_anna, "Een tweede bijdrage");
        var contribution = usage.Last;

        Assert.Equal(new TurnUsage(RoundTrips: 1, WriteTransactions: 1), welcome);
        Assert.Equal(new TurnUsage(RoundTrips: 3, WriteTransactions: 1), thumbsUp);
        Assert.Equal(new TurnUsage(RoundTrips: 5, WriteTransactions: 1), contribution);
    }

    private async Task<TurnUsage> MeasureAsync(TurnUsageListener usage, JsonObject activity)
    {
        await PostAsync(activity);
        return usage.Last;
    }

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await Bot.PostActivityAsync(activity);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, response.StatusCode.ToString());
    }

    private sealed record TurnUsage(int RoundTrips, int WriteTransactions);

    /// <summary>The per-turn database figures of this test's bot only (other bots in this process have their own meter).</summary>
    private sealed class TurnUsageListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _lock = new();
        private int _roundTrips = -1;
        private int _writes = -1;

        public TurnUsageListener(BotApp bot)
        {
            var factory = bot.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name.StartsWith("weerbaar.turn.db.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
            {
                lock (_lock)
                {
                    if (instrument.Name == "weerbaar.turn.db.round_trips")
                    {
                        _roundTrips = value;
                    }
                    else
                    {
                        _writes = value;
                    }
                }
            });
            _listener.Start();
        }

        /// <summary>The figures of the turn that ended last.</summary>
        public TurnUsage Last
        {
            get
            {
                lock (_lock)
                {
                    return new TurnUsage(_roundTrips, _writes);
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
