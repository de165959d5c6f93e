using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Storage;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Storage;

/// <summary>
/// The Bot Framework IStorage contract on Weerbaar's database, run against every provider: ETag optimistic
/// concurrency (a stale ETag fails, <c>*</c> overwrites), idempotent deletes, typed state that survives a
/// round trip, and state that outlives the app instance that wrote it.
/// </summary>
public abstract class BotStorageContract(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected EfBotStorage Storage { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        Storage = new EfBotStorage(new StateStore(await _database.MigrateAsync(), TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task WrittenItem_ReadsBackWithItsValuesAndAnETag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k1"] = new Note { Text = "eerste", Count = 1 } });

        var read = await Storage.ReadAsync(["k1", "missing"]);

        var note = Assert.IsType<Note>(Assert.Single(read).Value);
        Assert.Equal("eerste", note.Text);
        Assert.Equal(1, note.Count);
        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [Fact]
    public async Task WriteWithCurrentETag_Succeeds_AndChangesTheETag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var current = (Note)(await Storage.ReadAsync(["k"]))["k"];
        var firstETag = current.ETag;

        current.Text = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = current });

        var after = (Note)(await Storage.ReadAsync(["k"]))["k"];
        Assert.Equal("v2", after.Text);
        Assert.NotEqual(firstETag, after.ETag);
    }

    [Fact]
    public async Task WriteWithStaleETag_Fails_AndKeepsTheNewerValue()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (Note)(await Storage.ReadAsync(["k"]))["k"];
        var second = (Note)(await Storage.ReadAsync(["k"]))["k"];
        second.Text = "v2";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = second });

        first.Text = "stale";
        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = first }));

        Assert.Equal("v2", ((Note)(await Storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task WriteWithStarETag_OverwritesWhateverIsStored()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var stale = (Note)(await Storage.ReadAsync(["k"]))["k"];
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2" } });

        stale.Text = "forced";
        stale.ETag = "*";
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale });

        Assert.Equal("forced", ((Note)(await Storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task WriteWithAnETagThisStorageNeverIssued_Fails()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });

        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(
            new Dictionary<string, object> { ["k"] = new Note { Text = "x", ETag = "W/\"abc\"" } }));
    }

    [Fact]
    public async Task Delete_IsIdempotent()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });

        await Storage.DeleteAsync(["k"]);
        await Storage.DeleteAsync(["k", "never-written"]);

        Assert.Empty(await Storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task ConcurrentWritesWithTheSameETag_ExactlyOneWins()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "start" } });
        var etag = ((Note)(await Storage.ReadAsync(["k"]))["k"]).ETag;

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"writer {i}", ETag = etag } });
                return true;
            }
            catch (StateConflictException)
            {
                return false;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.StartsWith("writer ", ((Note)(await Storage.ReadAsync(["k"]))["k"]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationState_RoundTripsTypedValues()
    {
        var state = new ConversationState(Storage);
        var accessor = state.CreateProperty<Note>("note");
        var conversation = new TeamsConversation(TeamsScope.GroupChat, new Uri("http://127.0.0.1:1/"));
        var activity = conversation.Message(TeamsUser.Create("Anna"), "hallo").ToJsonString();
        var turn = TurnContextFor(activity);

        await state.LoadAsync(turn);
        await accessor.SetAsync(turn, new Note { Text = "bewaard", Count = 3 });
        await state.SaveChangesAsync(turn);

        var nextTurn = TurnContextFor(activity);
        await state.LoadAsync(nextTurn);
        var note = await accessor.GetAsync(nextTurn, () => new Note());
        Assert.Equal("bewaard", note.Text);
        Assert.Equal(3, note.Count);
    }

    [Theory]
    [InlineData("{\"$type\":\"System.IO.FileInfo, System.Private.CoreLib\",\"fileName\":\"/etc/passwd\"}")]
    [InlineData("{\"$type\":\"System.Diagnostics.Process, System.Diagnostics.Process\"}")]
    [InlineData("{\"$type\":\"System.Collections.Generic.List`1[[System.IO.DirectoryInfo, System.Private.CoreLib]], System.Private.CoreLib\",\"$values\":[]}")]
    public async Task StoredDocumentNamingAForeignType_IsRefusedOnRead(string document)
    {
        var factory = new WeerbaarDbContextFactory(Options.Create(_database.Options));
        await new StateStore(factory, TimeProvider.System).WriteAsync("tampered", document, StateWrite.Unconditional, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Newtonsoft.Json.JsonException>(() => Storage.ReadAsync(["tampered"]));
    }

    [Fact]
    [Slow(SlowKind.Host)]
    public async Task StateWrittenByOneAppInstance_IsReadByASecondInstanceAfterTheFirstStops()
    {
        await using (var first = new BotApp(_database.Settings))
        {
            var storage = first.Services.GetRequiredService<IStorage>();
            await storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new Note { Text = "van instantie 1", Count = 7 } });
        }

        await using var second = new BotApp(_database.Settings);
        var read = await second.Services.GetRequiredService<IStorage>().ReadAsync(["shared"]);

        var note = Assert.IsType<Note>(read["shared"]);
        Assert.Equal("van instantie 1", note.Text);
        Assert.Equal(7, note.Count);
    }

    private static TurnContext TurnContextFor(string activityJson) =>
        new(new TestAdapterStub(), JObject.Parse(activityJson).ToObject<Microsoft.Bot.Schema.Activity>()!);

    /// <summary>State only needs an adapter to exist; nothing is sent in these tests.</summary>
    private sealed class TestAdapterStub : BotAdapter
    {
        public override Task<Microsoft.Bot.Schema.ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Microsoft.Bot.Schema.Activity[] activities, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public override Task<Microsoft.Bot.Schema.ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Microsoft.Bot.Schema.Activity activity, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public override Task DeleteActivityAsync(ITurnContext turnContext, Microsoft.Bot.Schema.ConversationReference reference, CancellationToken cancellationToken)
            => throw new NotSupportedException();
    }
}

public sealed class Note : IStoreItem
{
    public string Text { get; set; } = string.Empty;

    public int Count { get; set; }

    public string? ETag { get; set; }
}

public sealed class SqliteBotStorageTests() : BotStorageContract(StorageProvider.Sqlite);

[Slow(SlowKind.Postgres)]
public sealed class PostgresBotStorageTests() : BotStorageContract(StorageProvider.Postgres);
