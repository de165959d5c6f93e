using Microsoft.Extensions.Time.Testing;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Storage;

/// <summary>
/// What several instances coordinate through the database, on every provider: a job lease held by one instance at a
/// time (renewed by its holder, taken over once expired), an incoming activity taken on once, and one signing key.
/// </summary>
public abstract class SharedCoordinationContract(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private WeerbaarDbContextFactory _contexts = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        _contexts = await _database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task JobLease_IsHeldByOneInstance_RenewedByIt_AndTakenOverOnlyAfterItExpired()
    {
        var first = new JobLease(_contexts, _clock);
        var second = new JobLease(_contexts, _clock);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await first.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));
        Assert.False(await second.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));
        Assert.True(await second.TryTakeAsync("retention", TimeSpan.FromMinutes(3), ct));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await first.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await second.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await second.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));
        Assert.False(await first.TryTakeAsync("reminders", TimeSpan.FromMinutes(3), ct));
    }

    [Fact]
    public async Task JobLease_ContestedByManyInstancesAtOnce_GoesToExactlyOne()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => new JobLease(_contexts, _clock)).ToList();

        var taken = await Task.WhenAll(instances.Select(i => i.TryTakeAsync("retention", TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)));

        Assert.Single(taken, t => t);
    }

    // What the redelivery guard does with a message's claim: written with the turn's first write, or found taken.
    private static async Task<bool> TakeAsync(ProcessedActivities instance, string conversationId)
    {
        using var writes = TurnWrites.Begin();
        var claim = instance.Claim("msteams", conversationId, "1700000000001");
        writes.Add(claim);
        return await instance.TryWriteClaimAsync(claim, ct => instance.WritePendingAsync(writes, ct), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Activity_IsTakenOnOnce_EvenWhenDeliveredTwiceAtOnce_AndCanBeTakenAgainAfterARelease()
    {
        var instanceA = new ProcessedActivities(_contexts, _clock);
        var instanceB = new ProcessedActivities(_contexts, _clock);
        var ct = TestContext.Current.CancellationToken;

        var taken = await Task.WhenAll(
            Task.Run(() => TakeAsync(instanceA, "19:chat@thread.v2"), ct),
            Task.Run(() => TakeAsync(instanceB, "19:chat@thread.v2"), ct));
        Assert.Single(taken, t => t);
        Assert.True(await TakeAsync(instanceB, "19:other@thread.v2"));

        await instanceA.ReleaseAsync(instanceA.Claim("msteams", "19:chat@thread.v2", "1700000000001"), ct);
        Assert.True(await TakeAsync(instanceB, "19:chat@thread.v2"));

        _clock.Advance(ProcessedActivities.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await instanceA.ForgetOldAsync(_clock.GetUtcNow(), ct));
    }

    [Fact]
    public async Task SigningKey_MadeByManyInstancesAtOnce_IsOneKey_ThatEveryInstanceReadsAfterwards()
    {
        var ct = TestContext.Current.CancellationToken;

        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new SigningKeys(_contexts, _clock).GetOrCreateAsync("answer-card", ct)));
        var later = await new SigningKeys(_contexts, _clock).GetOrCreateAsync("answer-card", ct);
        var other = await new SigningKeys(_contexts, _clock).GetOrCreateAsync("another-purpose", ct);

        Assert.Single(made.Append(later).Select(Convert.ToHexString).Distinct());
        Assert.Equal(SigningKeys.KeyBytes, later.Length);
        Assert.NotEqual(later, other);
    }
}

public sealed class SqliteSharedCoordinationTests() : SharedCoordinationContract(StorageProvider.Sqlite);

[Slow(SlowKind.Postgres)]
public sealed class PostgresSharedCoordinationTests() : SharedCoordinationContract(StorageProvider.Postgres);
