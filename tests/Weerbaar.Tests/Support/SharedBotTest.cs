namespace Weerbaar.Tests.Support;

/// <summary>
/// A test class whose tests share one bot in local mode (one host, one database) but each get their own connector
/// stand-in. For tests that look only at their own new conversation and at the replies sent for it: a fresh host per
/// test (migrations, seed import, search index: about a second each) would buy them nothing.
/// </summary>
public abstract class SharedBotTest(SharedBotTest.Host host) : IClassFixture<SharedBotTest.Host>, IAsyncLifetime
{
    protected ConnectorStandIn Connector { get; private set; } = null!;

    protected BotApp Bot => host.Bot;

    public async ValueTask InitializeAsync() => Connector = await ConnectorStandIn.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The bot the tests of one class share; the bot replies to each activity's own serviceUrl.</summary>
    public sealed class Host : IAsyncDisposable
    {
        public BotApp Bot { get; } = new();

        public ValueTask DisposeAsync() => Bot.DisposeAsync();
    }
}
