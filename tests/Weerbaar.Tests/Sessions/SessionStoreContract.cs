using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Concurrent changes to one session are never lost, on every provider: a forced version conflict is retried on the
/// fresh state, 50 contributions from 10 users in parallel end as exactly 50, and a repeated action is applied once.
/// </summary>
public abstract class SessionStoreContract(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private SessionStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        _store = new SessionStore(await _database.MigrateAsync(), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ForcedVersionConflict_IsRetriedOnTheFreshState_AndBothChangesLand()
    {
        var session = await CreateAsync();
        var interfered = false;

        var change = await _store.ChangeAsync(session.Id, state =>
        {
            if (!interfered)
            {
                // Another instance changes the session between this load and its save.
                interfered = true;
                _store.ChangeAsync(session.Id, s => Contribute(s, "user-1", "van de ander"), null, null, CancellationToken.None).GetAwaiter().GetResult();
            }

            return Contribute(state, "user-2", "van mij");
        }, null, null, CancellationToken.None);

        Assert.True(change.Decision!.Accepted);
        var stored = (await _store.LoadAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(["van de ander", "van mij"], stored.State.Contributions.Select(c => c.Text).Order(StringComparer.Ordinal));
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task FiftyContributionsFromTenUsersInParallel_AreAllStoredAndCounted()
    {
        var session = await CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _store.ChangeAsync(
            session.Id, state => Contribute(state, $"user-{i % 10}", $"bijdrage {i}"), null, null, CancellationToken.None))));

        var stored = (await _store.LoadAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(50, stored.State.Contributions.Count);
        Assert.Equal(50, stored.State.Contributions.Select(c => c.Text).Distinct().Count());
        Assert.Equal(50, stored.State.ContributionsOf(stored.State.CurrentStepId).Count);
    }

    [Fact]
    public async Task SameActionTwice_IsAppliedOnce_AndAnsweredWithTheFirstResponse()
    {
        var session = await CreateAsync();

        var first = await _store.ChangeAsync(session.Id, s => Contribute(s, "user-1", "dubbel"), "key-1", d => "eerste antwoord", CancellationToken.None);
        var second = await _store.ChangeAsync(session.Id, s => Contribute(s, "user-1", "dubbel"), "key-1", d => "tweede antwoord", CancellationToken.None);

        Assert.False(first.IsRepeat);
        Assert.True(second.IsRepeat);
        Assert.Equal("eerste antwoord", second.Response);
        Assert.Single((await _store.LoadAsync(session.Id, CancellationToken.None))!.State.Contributions);
    }

    private async Task<StoredSession> CreateAsync()
    {
        var state = SessionEngine.Start(Guid.NewGuid(), new SessionSettings("Gemeente Test", OrganisationKind.Gemeente, ["een", "slot"], 60, false), "lead", TestScenario, DateTimeOffset.UtcNow);
        return await _store.CreateAsync(new SessionPlace("msteams", "19:test@thread.v2", "http://127.0.0.1/", null), state, "29:lead", CancellationToken.None);
    }

    private static SessionDecision Contribute(SessionState state, string actor, string text) =>
        SessionEngine.Decide(state, new Contribute("v1", text), actor, TestScenario, DateTimeOffset.UtcNow);

    private static readonly Scenario TestScenario = new(
        "test",
        "Test",
        "Een bewerking.",
        [],
        new DateOnly(2026, 1, 1),
        [
            new ScenarioStep("een", ScenarioPart.Opening, "Een", 30, "Situatie", [], [new ScenarioQuestion("v1", "Vraag?", new Dictionary<OrganisationKind, string>())], [], []),
            new ScenarioStep("slot", ScenarioPart.Afspraken, "Slot", 30, "Afspraken", [], [new ScenarioQuestion("v2", "Wat spreken we af?", new Dictionary<OrganisationKind, string>())], [], []),
        ]);
}

public sealed class SqliteSessionStoreTests() : SessionStoreContract(StorageProvider.Sqlite);

[Slow(SlowKind.Postgres)]
public sealed class PostgresSessionStoreTests() : SessionStoreContract(StorageProvider.Postgres);
