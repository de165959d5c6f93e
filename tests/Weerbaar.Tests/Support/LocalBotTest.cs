namespace Weerbaar.Tests.Support;

/// <summary>
/// A test class talking to the bot in local mode (Development, no app id) with a fresh database and a connector
/// stand-in per test, so every test starts from an empty conversation history.
/// </summary>
public abstract class LocalBotTest : IAsyncLifetime
{
    protected ConnectorStandIn Connector { get; private set; } = null!;

    protected BotApp Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Connector = await ConnectorStandIn.StartAsync();
        Bot = new BotApp();
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
