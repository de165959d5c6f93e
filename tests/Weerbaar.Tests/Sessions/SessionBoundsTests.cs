using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The bounds of a session: how many contributions one member may give per step and per session (on the card and
/// typed), one stored report per unchanged session however often <c>verslag</c> is asked, and "Toon alles" held to
/// the reveal rule of an anonymous session, also when its button was never shown.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class SessionBoundsTests : ClockedSessionTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Sessions:MaxContributionsPerStep"] = "2",
        ["Sessions:MaxContributionsPerSession"] = "3",
        ["Sessions:ReportLinkDays"] = "2",
    };

    [Fact]
    public async Task ContributionPastTheStepBound_IsRefusedInDutch_OnTheCardAndTyped_AndNothingStoredIsLost()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Eerste");
        await Session.ContributeAsync(_anna, "Tweede");

        var onCard = await Session.ContributeAsync(_anna, "Derde op de kaart");
        var typed = await Session.SendAsync(Session.Chat.Message(_anna, "bijdrage: Derde getypt"));
        var other = await Session.ContributeAsync(_bram, "Van Bram");

        Assert.Contains("U hebt bij deze stap al het hoogste aantal bijdragen gegeven", TextOf(onCard), StringComparison.Ordinal);
        Assert.Contains("U hebt bij deze stap al het hoogste aantal bijdragen gegeven", typed["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(other), StringComparison.Ordinal);
        Assert.Equal(["Eerste", "Tweede", "Van Bram"], (await StateAsync()).Contributions.Select(c => c.Text));
    }

    [Fact]
    public async Task ContributionPastTheSessionBound_IsRefusedInDutch_AndNothingStoredIsLost()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "waarom", "afspraken"]);
        await Session.ContributeAsync(_anna, "Eerste");
        await Session.ContributeAsync(_anna, "Tweede");
        await Session.PressAsync(_lead, view, "sessionNext");
        await Session.ContributeAsync(_anna, "Derde");

        var refused = await Session.ContributeAsync(_anna, "Vierde");

        Assert.Contains("U hebt in deze sessie al het hoogste aantal bijdragen gegeven", TextOf(refused), StringComparison.Ordinal);
        Assert.Equal(["Eerste", "Tweede", "Derde"], (await StateAsync()).Contributions.Select(c => c.Text));
    }

    [Fact]
    public async Task Verslag_WhileNothingChanged_SharesTheStoredReport_AndMakesANewOneOnceItsLinksExpired()
    {
        var completed = await CompleteSessionAsync();

        var again = ReportLink(await Session.SendAsync(Session.Chat.Message(_lead, "verslag")));
        var onceMore = ReportLink(await Session.SendAsync(Session.Chat.Message(_lead, "verslag")));
        Assert.Equal(completed, again);
        Assert.Equal(completed, onceMore);
        Assert.Equal(1, await StoredReportsAsync());

        Clock.Advance(TimeSpan.FromDays(3));
        var renewed = ReportLink(await Session.SendAsync(Session.Chat.Message(_lead, "verslag")));
        Assert.NotEqual(completed, renewed);
        using var client = Bot.CreateClient();
        Assert.Contains("Noodstroom regelen", await client.GetStringAsync(new Uri(renewed).PathAndQuery), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedShowAll_InAnAnonymousSessionBelowTheRevealMinimum_PostsNothing_AndSaysWhy()
    {
        var view = await Session.StartAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Alleen ik weet dit");
        await Session.ContributeAsync(_bram, "En ik dit");
        view = await Session.ViewAsync(_lead);
        Assert.DoesNotContain(ExecuteActions(view), a => a!["verb"]!.GetValue<string>() == "sessionShowAll");
        var control = (JsonObject)ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionNext")!["data"]!.DeepClone();
        var sentBefore = Connector.SentActivities.Count;

        var answer = await Session.InvokeCardAsync(_lead, "sessionShowAll", control);

        Assert.Equal("In een anonieme sessie toon ik bijdragen pas vanaf 3 stuks, zodat niemand te herkennen is.", SessionConversation.Message(answer));
        Assert.Equal(sentBefore, Connector.SentActivities.Count);
        Assert.DoesNotContain(Connector.SentActivities, a => a["text"]?.GetValue<string>().Contains("Alleen ik weet dit", StringComparison.Ordinal) == true);
    }

    private async Task<string> CompleteSessionAsync()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = Clock.GetUtcNow().AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await Session.PressAsync(_lead, view, "sessionComplete");
        return ReportLink(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
    }

    private static string ReportLink(JsonObject activity) =>
        CardOf(activity)["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>();

    private async Task<int> StoredReportsAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContextAsync();
        return await db.SessionReports.CountAsync();
    }

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), CancellationToken.None))!.State;
}
