using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// A bot of its own on a fake clock with one group-chat session conversation, for tests that move time (reminders,
/// report links that expire). Background jobs run rarely, so a clock that jumps weeks ahead does not wake them often.
/// </summary>
public abstract class ClockedSessionTest : IAsyncLifetime
{
    private ConnectorStandIn? _connector;
    private BotApp? _bot;
    private SessionConversation? _session;

    // The clock starts today: the seed knowledge is refused when its "laatst gecontroleerd" lies after the clock's day.
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));

    protected ConnectorStandIn Connector => _connector ?? throw new InvalidOperationException("Not initialized.");

    protected BotApp Bot => _bot ?? throw new InvalidOperationException("Not initialized.");

    protected SessionConversation Session => _session ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>Settings a test class needs on top of the rare background jobs.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Sessions:ReminderCheckSeconds"] = "3600",
            ["Sessions:TimeUpCheckSeconds"] = "3600",
            ["Knowledge:RefreshSeconds"] = "3600",
            ["Retention:IntervalHours"] = "168",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _bot = new BotApp(settings, services: s => s.AddSingleton<TimeProvider>(Clock));
        _session = new SessionConversation(_bot, _connector, new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl));
    }

    public async ValueTask DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
