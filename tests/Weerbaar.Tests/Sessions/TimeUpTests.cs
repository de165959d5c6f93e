using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Time in a session, on a fake clock: the personal view and the contribution dialog show the minutes left and the end
/// time; when a running step's time is up the bot posts one line in the chat that mentions the facilitator — once per
/// step end time, however often the check runs, and not for a paused or finished session.
/// </summary>
[Slow(SlowKind.Host)]
public sealed partial class TimeUpTests : ClockedSessionTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    // The hosted check runs on the fake clock too; once a day it stays out of these tests, which run the check themselves.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Sessions:TimeUpCheckSeconds"] = "86400" };

    private TimeUpNotifier Notifier => Bot.Services.GetRequiredService<TimeUpNotifier>();

    [Fact]
    public async Task ViewAndDialog_ShowTheMinutesLeftWithTheEndTime_ThenThatTimeIsUp_AndPaused()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var first = MinutesLeft().Match(TextOf(await Session.ViewAsync(_anna)));
        Assert.True(first.Success);
        var minutes = int.Parse(first.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var end = first.Groups[2].Value;
        Assert.Contains($"(tot {end}).", TextOf(SessionConversation.DialogCard(await Session.OpenDialogAsync(_anna, SessionVerb.Contribute, "opening"))), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(minutes - 1));
        Assert.Contains($"Nog 1 minuut (tot {end}).", TextOf(await Session.ViewAsync(_anna)), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains($"Tijd is om (sinds {end}).", TextOf(await Session.ViewAsync(_anna)), StringComparison.Ordinal);
        Assert.Contains($"Tijd is om (sinds {end}).", TextOf(SessionConversation.DialogCard(await Session.OpenDialogAsync(_anna, SessionVerb.Contribute, "opening"))), StringComparison.Ordinal);

        // The shared card keeps the end time: it is updated on changes only.
        Assert.Contains($"Deze stap eindigt om {end}.", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Pause);
        var paused = TextOf(await Session.ViewAsync(_anna));
        Assert.Contains("De sessie is gepauzeerd.", paused, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog ", paused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeUp_PostsOneLineMentioningTheFacilitator_HoweverOftenTheCheckRuns()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        Assert.Equal(0, await Notifier.CheckAsync(CancellationToken.None));

        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);
        await Notifier.CheckAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Notifier.CheckAsync(CancellationToken.None);

        var line = Assert.Single(TimeUpLines());
        Assert.Equal(Session.Chat.Id, line["conversation"]!["id"]!.GetValue<string>());
        Assert.StartsWith("<at>Fenna Facilitator</at>, de tijd voor stap 1 (", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("is om. Kies Volgende of +5 minuten.", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var mention = Assert.Single(line["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "mention")!;
        Assert.Equal(_lead.Id, mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("<at>Fenna Facilitator</at>", mention["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TimeUp_WithoutTheFacilitatorInTheRoster_IsPostedWithoutMention()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);

        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);

        var line = Assert.Single(TimeUpLines());
        Assert.StartsWith("De tijd voor stap 1 (", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(line["entities"]?.AsArray().FirstOrDefault(e => e!["type"]!.GetValue<string>() == "mention"));
    }

    [Fact]
    public async Task TimeUp_IsPostedAgainForTheNextStep_AndAfterAnExtension()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Single(TimeUpLines());

        view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Next);
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Single(TimeUpLines());
        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Equal(2, TimeUpLines().Count);
        Assert.Contains("de tijd voor stap 2 (", TimeUpLines()[^1]["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Extend);
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Equal(2, TimeUpLines().Count);
        Clock.Advance(TimeSpan.FromMinutes(6));
        await Notifier.CheckAsync(CancellationToken.None);
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Equal(3, TimeUpLines().Count);
    }

    [Fact]
    public async Task TimeUp_IsNotPostedForAPausedSession_NorWhenResumedAfterTheLine()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.PressAsync(_lead, view, SessionVerb.Pause);

        Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await Notifier.CheckAsync(CancellationToken.None));
        Assert.Empty(TimeUpLines());

        // Resumed, the step's time runs out (it was paused with time left) and the line comes once.
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Resume);
        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Single(TimeUpLines());

        // Paused and resumed after the line without time added: the same time is up, no second line.
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Pause);
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Resume);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Single(TimeUpLines());
    }

    [Fact]
    public async Task TimeUp_IsNotPostedAfterTheSessionIsFinished()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        Clock.Advance(TimeSpan.FromHours(3));
        await Notifier.CheckAsync(CancellationToken.None);
        Assert.Single(TimeUpLines());

        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), SessionVerb.Next);
        view = await Session.PressAsync(_lead, view, SessionVerb.Agreement, inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodplan oefenen",
            ["agreementOwner"] = "crisiscoördinator",
            ["agreementDue"] = "2027-03-01",
        });
        await Session.PressAsync(_lead, view, SessionVerb.Complete);

        Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await Notifier.CheckAsync(CancellationToken.None));
        Assert.Single(TimeUpLines());
    }

    private List<JsonObject> TimeUpLines() => TimeUpLinesIn(Connector);

    internal static List<JsonObject> TimeUpLinesIn(ConnectorStandIn connector) =>
        [.. connector.SentActivities.Where(a => a["text"]?.GetValue<string>()?.Contains(" is om. ", StringComparison.Ordinal) == true)];

    [GeneratedRegex(@"Nog (\d+) minuten \(tot (\d{2}:\d{2})\)\.")]
    private static partial Regex MinutesLeft();
}

/// <summary>The check runs on its own, every <c>Sessions:TimeUpCheckSeconds</c>: moving the clock past a step's end posts the line.</summary>
[Slow(SlowKind.Host)]
public sealed class TimeUpBackgroundTests : ClockedSessionTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["Sessions:TimeUpCheckSeconds"] = "30" };

    [Fact]
    public async Task TimeUp_IsPostedByTheBackgroundCheck_WhenTheClockPassesTheEndTime()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var before = Connector.SentActivities.Count;

        Clock.Advance(TimeSpan.FromHours(3));
        await Connector.WaitForSentAsync(before + 1);

        var line = Assert.Single(TimeUpTests.TimeUpLinesIn(Connector));
        Assert.StartsWith("<at>Fenna Facilitator</at>, de tijd voor stap 1", line["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>
/// Two bot instances on one PostgreSQL database check at the same moment, again and again: the time-up line is claimed
/// in the session's state against its version, so it is posted once.
/// </summary>
[Slow(SlowKind.Postgres)]
public sealed class TimeUpTwoInstancesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private TestDatabase _database = null!;
    private ConnectorStandIn _connector = null!;
    private BotApp _first = null!;
    private BotApp _second = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(StorageProvider.Postgres);
        _connector = await ConnectorStandIn.StartAsync();
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["Sessions:ReminderCheckSeconds"] = "3600",
            ["Sessions:TimeUpCheckSeconds"] = "86400",
            ["Knowledge:RefreshSeconds"] = "3600",
            ["Retention:IntervalHours"] = "168",
        };
        _first = new BotApp(settings, services: s => s.AddSingleton<TimeProvider>(_clock));
        _second = new BotApp(settings, services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ChecksOnTwoInstancesAtOnce_PostTheLineOnce()
    {
        _connector.Members[_lead.Id] = _lead.Name;
        var session = new SessionConversation(_first, _connector, new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl));
        await session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var first = _first.Services.GetRequiredService<TimeUpNotifier>();
        var second = _second.Services.GetRequiredService<TimeUpNotifier>();

        _clock.Advance(TimeSpan.FromHours(3));
        var posted = 0;
        for (var round = 0; round < 5; round++)
        {
            var counts = await Task.WhenAll(
                first.CheckAsync(CancellationToken.None), second.CheckAsync(CancellationToken.None),
                first.CheckAsync(CancellationToken.None), second.CheckAsync(CancellationToken.None));
            posted += counts.Sum();
        }

        Assert.Equal(1, posted);
        Assert.Single(TimeUpTests.TimeUpLinesIn(_connector));
    }
}
