using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Load → decide → save through <see cref="SessionService"/>, on every provider: an accepted decision is saved and
/// returned, a refused one saves nothing, a forced version conflict is retried on the fresh state, 50 contributions
/// from 10 users in parallel end as exactly 50, and a repeated card action — one after the other or at the same
/// moment — is applied once and answered with the first decision and card version.
/// </summary>
public abstract partial class SessionServiceContract(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IDbContextFactory<WeerbaarDbContext> _contexts = null!;
    private SessionStore _store = null!;
    private SessionService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        _contexts = await _database.MigrateAsync();
        _store = new SessionStore(_contexts, TimeProvider.System);
        _service = new SessionService(_contexts, _store, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AcceptedRequest_IsSavedAgainstTheLoadedVersion_AndItsDecisionReturned()
    {
        var session = await CreateAsync();

        var change = await _service.ApplyAsync(Contribute(session, "user-1", "opgeslagen"), TestScenario, action: null, CancellationToken.None);

        Assert.True(change.Decision.Accepted);
        Assert.False(change.IsRepeat);
        var stored = (await _store.LoadAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(SessionStateJson.Serialize(change.Decision.State), SessionStateJson.Serialize(stored.State));
        Assert.Equal(stored.Version, change.Session.Version);
    }

    [Fact]
    public async Task RefusedRequest_SavesNothing_AndReturnsTheRefusal()
    {
        var session = await CreateAsync();

        var change = await _service.ApplyAsync(new SessionRequest(session.Id, new NextStep(), "user-1"), TestScenario, new CardActionStamp("key-1", "v1"), CancellationToken.None);

        Assert.Equal(SessionRefusal.NotFacilitator, change.Decision.Refusal);
        Assert.Equal(1, (await _store.LoadAsync(session.Id, CancellationToken.None))!.Version);
        await using var db = await _contexts.CreateDbContextAsync();
        Assert.Empty(await db.SessionActions.ToListAsync());
    }

    [Fact]
    public async Task ButtonOfAStepTheGroupLeft_IsRefusedAsStepOver()
    {
        var session = await CreateAsync();
        await _service.ApplyAsync(new SessionRequest(session.Id, new NextStep(), "lead"), TestScenario, action: null, CancellationToken.None);

        var change = await _service.ApplyAsync(Contribute(session, "user-1", "te laat") with { ShownStepId = "een" }, TestScenario, action: null, CancellationToken.None);

        Assert.Equal(SessionRefusal.StepOver, change.Decision.Refusal);
    }

    [Fact]
    public async Task HandOver_MovesTheFacilitatorsUserIdWithTheRole()
    {
        var session = await CreateAsync();

        var change = await _service.ApplyAsync(new SessionRequest(session.Id, new HandOver("29:anna"), "lead"), TestScenario, action: null, CancellationToken.None);

        Assert.Equal("29:anna", change.Session.FacilitatorUserId);
        Assert.Equal("29:anna", (await _store.LoadAsync(session.Id, CancellationToken.None))!.FacilitatorUserId);
    }

    [Fact]
    public async Task ForcedVersionConflict_IsRetriedOnTheFreshState_AndBothChangesLand()
    {
        var session = await CreateAsync();
        var other = new SessionService(_contexts, _store, TimeProvider.System);
        var interfering = new InterferingClock(() =>
            other.ApplyAsync(Contribute(session, "user-1", "van de ander"), TestScenario, action: null, CancellationToken.None).GetAwaiter().GetResult());
        var service = new SessionService(_contexts, _store, interfering);

        var change = await service.ApplyAsync(Contribute(session, "user-2", "van mij"), TestScenario, action: null, CancellationToken.None);

        Assert.True(change.Decision.Accepted);
        var stored = (await _store.LoadAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(["van de ander", "van mij"], stored.State.Contributions.Select(c => c.Text).Order(StringComparer.Ordinal));
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task FiftyContributionsFromTenUsersInParallel_AreAllStoredAndCounted()
    {
        var session = await CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => _service.ApplyAsync(
            Contribute(session, $"user-{i % 10}", $"bijdrage {i}"), TestScenario, action: null, CancellationToken.None))));

        var stored = (await _store.LoadAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(50, stored.State.Contributions.Count);
        Assert.Equal(50, stored.State.Contributions.Select(c => c.Text).Distinct().Count());
        Assert.Equal(50, stored.State.ContributionsOf(stored.State.CurrentStepId).Count);
        Assert.Equal(51, stored.Version);
    }

    [Fact]
    public async Task SameActionTwice_IsAppliedOnce_AndAnsweredWithTheFirstDecisionAndCardVersion()
    {
        var session = await CreateAsync();

        var first = await _service.ApplyAsync(Contribute(session, "user-1", "dubbel"), TestScenario, new CardActionStamp("key-1", "eerste"), CancellationToken.None);
        var second = await _service.ApplyAsync(Contribute(session, "user-1", "dubbel"), TestScenario, new CardActionStamp("key-1", "tweede"), CancellationToken.None);

        Assert.False(first.IsRepeat);
        Assert.True(second.IsRepeat);
        Assert.Equal("eerste", second.CardVersion);
        Assert.Equal(first.Decision.SharedCardChanged, second.Decision.SharedCardChanged);
        Assert.Equal(SessionStateJson.Serialize(first.Decision.State), SessionStateJson.Serialize(second.Decision.State));
        Assert.Single((await _store.LoadAsync(session.Id, CancellationToken.None))!.State.Contributions);
    }

    [Fact]
    public async Task SameActionTwiceAtTheSameMoment_IsAppliedOnce_AndBothGetTheSameAnswer()
    {
        var session = await CreateAsync();

        var changes = await Task.WhenAll(new[] { "a", "b" }.Select(version => Task.Run(() => _service.ApplyAsync(
            Contribute(session, "user-1", "tegelijk"), TestScenario, new CardActionStamp("key-2", version), CancellationToken.None))));

        Assert.Single(changes, c => c.IsRepeat);
        Assert.Equal(changes[0].CardVersion, changes[1].CardVersion);
        Assert.Equal(SessionStateJson.Serialize(changes[0].Decision.State), SessionStateJson.Serialize(changes[1].Decision.State));
        Assert.Single((await _store.LoadAsync(session.Id, CancellationToken.None))!.State.Contributions);
    }

    [Fact]
    public async Task SameEndSavedJustBeforeTheSessionIsRead_IsAnsweredAsTheRepeat_NotAsASessionThatIsOver()
    {
        var session = await CreateAsync();
        var end = new SessionRequest(session.Id, new EndSession(), "lead");
        var interceptor = new BeforeSessionRead(() => _service.ApplyAsync(end, TestScenario, new CardActionStamp("key-3", "eerste"), CancellationToken.None));
        var racing = new SessionService(new InterceptedContexts(_database, interceptor), _store, TimeProvider.System);

        var second = await racing.ApplyAsync(end, TestScenario, new CardActionStamp("key-3", "tweede"), CancellationToken.None);

        Assert.True(interceptor.Interfered);
        Assert.True(second.IsRepeat);
        Assert.True(second.Decision.Accepted);
        Assert.Equal("eerste", second.CardVersion);
        Assert.Equal(SessionStatus.Cancelled, (await _store.LoadAsync(session.Id, CancellationToken.None))!.State.Status);
    }

    private async Task<StoredSession> CreateAsync() =>
        await _service.StartAsync(
            new SessionPlace("msteams", "19:test@thread.v2", "http://127.0.0.1/", null),
            new SessionSettings("Gemeente Test", OrganisationKind.Gemeente, ["een", "slot"], 60, false),
            "lead",
            TestScenario,
            CancellationToken.None);

    private static SessionRequest Contribute(StoredSession session, string actor, string text) =>
        new(session.Id, new Contribute("v1", text), actor);

    /// <summary>A clock that lets another instance change the session once, between a load and its save (the service reads the time there).</summary>
    private sealed class InterferingClock(Action interfere) : TimeProvider
    {
        private bool _interfered;

        public override DateTimeOffset GetUtcNow()
        {
            if (!_interfered)
            {
                _interfered = true;
                interfere();
            }

            return base.GetUtcNow();
        }
    }

    /// <summary>Lets another instance carry out its change once, just before a session row is read (after the look for an earlier action).</summary>
    private sealed partial class BeforeSessionRead(Func<Task> interfere) : DbCommandInterceptor
    {
        // SQLite's provider quotes the table name, PostgreSQL's does not need to.
        [GeneratedRegex("FROM \"?sessions\"? ")]
        private static partial Regex SessionsRead();

        public bool Interfered { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Interfered && SessionsRead().IsMatch(command.CommandText))
            {
                Interfered = true;
                await interfere();
            }

            return result;
        }
    }

    private sealed class InterceptedContexts(TestDatabase database, IInterceptor interceptor) : IDbContextFactory<WeerbaarDbContext>
    {
        private readonly DbContextOptions _options = new DbContextOptionsBuilder(WeerbaarDbContextFactory.BuildOptions(database.Options)).AddInterceptors(interceptor).Options;

        public WeerbaarDbContext CreateDbContext() => database.Provider == StorageProvider.Postgres
            ? new PostgresWeerbaarDbContext(_options)
            : new SqliteWeerbaarDbContext(_options);
    }

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

public sealed class SqliteSessionServiceTests() : SessionServiceContract(StorageProvider.Sqlite);

[Slow(SlowKind.Postgres)]
public sealed class PostgresSessionServiceTests() : SessionServiceContract(StorageProvider.Postgres);
