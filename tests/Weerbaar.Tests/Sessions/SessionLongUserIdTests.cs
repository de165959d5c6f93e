using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Real Teams user ids are about 90 characters ("29:1" and 86 more). On PostgreSQL, which holds columns to their
/// length, card actions of such users must still be stored and a double click recognised — also the longest ones,
/// such as the facilitator tagging a contribution.
/// </summary>
[Slow(SlowKind.Postgres)]
public sealed class SessionLongUserIdTests : IAsyncLifetime
{
    private readonly TeamsUser _lead = LongIdUser("Fenna Facilitator", 'a');
    private readonly TeamsUser _anna = LongIdUser("Anna Ambtenaar", 'b');
    private TestDatabase _database = null!;
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(Weerbaar.Core.Storage.StorageProvider.Postgres);
        _connector = await ConnectorStandIn.StartAsync();
        _bot = new BotApp(_database.Settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CardActionsOfA90CharacterUserId_AreStored_AndADoubleClickCountsOnce()
    {
        Assert.Equal(90, _anna.Id.Length);
        var session = new SessionConversation(_bot, _connector, new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl));
        var leadView = await session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var view = await session.ViewAsync(_anna);
        var question = ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionContribute")!["data"]!["question"]!.GetValue<string>();
        var inputs = new JsonObject { ["answer_" + question] = "Eén keer bedoeld" };

        var first = await session.PressAsync(_anna, view, "sessionContribute", inputs: inputs);
        var second = await session.PressAsync(_anna, view, "sessionContribute", inputs: inputs);
        leadView = await session.ViewAsync(_lead);
        bool Kwetsbaarheid(JsonObject data) => data["tag"]?.GetValue<string>() == "Kwetsbaarheid";
        var tagged = await session.PressAsync(_lead, leadView, "sessionTag", Kwetsbaarheid);
        var taggedAgain = await session.PressAsync(_lead, leadView, "sessionTag", Kwetsbaarheid);
        var next = await session.PressAsync(_lead, leadView, "sessionNext");
        var nextAgain = await session.PressAsync(_lead, leadView, "sessionNext");

        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(first), StringComparison.Ordinal);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Contains("[Kwetsbaarheid] Eén keer bedoeld", SessionConversation.Message(tagged), StringComparison.Ordinal);
        Assert.Equal(tagged.ToJsonString(), taggedAgain.ToJsonString());
        Assert.Contains("Stap 2 van 2", TextOf(next), StringComparison.Ordinal);
        Assert.Equal(next.ToJsonString(), nextAgain.ToJsonString());
        var state = (await _bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(session.SessionId), CancellationToken.None))!.State;
        Assert.Equal(ContributionTag.Kwetsbaarheid, Assert.Single(state.Contributions).Tag);
        Assert.Equal(1, state.StepIndex);
    }

    private static TeamsUser LongIdUser(string name, char fill) => new("29:1" + new string(fill, 86), name, Guid.NewGuid().ToString());
}
