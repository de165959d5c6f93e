using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.ScaleOut;

/// <summary>
/// Two bot processes on different ports over one PostgreSQL database, as behind a load balancer, with one connector
/// stand-in. The first starts (and migrates and seeds) before the second. Checks run every second, so what one
/// instance publishes or schedules shows on the other within seconds.
/// </summary>
public sealed class TwoInstanceFixture : IAsyncLifetime
{
    public TeamsUser Admin { get; } = TeamsUser.Create("Beheerder");

    public TestDatabase Database { get; private set; } = null!;

    public ConnectorStandIn Connector { get; private set; } = null!;

    public BotProcess First { get; private set; } = null!;

    public BotProcess Second { get; private set; } = null!;

    /// <summary>Why the instances could not start here (no PostgreSQL configured or installed); each test then skips with it.</summary>
    public string? UnavailableReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // A fixture that throws fails its tests instead of skipping them: the reason waits for the tests.
        if (!TestEnvironment.HasPostgres)
        {
            UnavailableReason = $"Two instances need PostgreSQL. {TestEnvironment.PostgresMissingReason}";
            return;
        }

        Database = await TestDatabases.CreateAsync(StorageProvider.Postgres);
        Connector = await ConnectorStandIn.StartAsync();
        var settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Knowledge:RefreshSeconds"] = "1",
            ["Sessions:ReminderCheckSeconds"] = "1",
            ["Admin:UserAadObjectIds:0"] = Admin.AadObjectId,
        };
        First = await BotProcess.StartAsync(settings);
        Second = await BotProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }

        if (First is not null)
        {
            await First.DisposeAsync();
        }

        if (Connector is not null)
        {
            await Connector.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test (or fails it where every test must run) when the instances could not start.</summary>
    public void RequireAvailable()
    {
        if (UnavailableReason is { } reason)
        {
            TestEnvironment.Unavailable(reason);
        }
    }

    /// <summary>Posts to the instance chosen by <paramref name="turn"/> (even: first, odd: second) and expects 200.</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, int turn)
    {
        var response = await (turn % 2 == 0 ? First : Second).PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
