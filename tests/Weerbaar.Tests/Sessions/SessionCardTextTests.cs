using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// What the session cards and lines say, as a member reads them on a phone: a success looks like one, counts read as
/// Dutch, an empty step says so, and typed commands get an answer in the chat. Each test has its own group chat, so
/// they share one bot.
/// </summary>
public sealed class SessionCardTextTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private const string NoneYet = "Er zijn bij deze stap nog geen bijdragen.";

    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task ASuccessShowsInTheGoodColour_ARefusalInTheAttentionColour()
    {
        var started = await Session.SubmitSetupAsync(_lead);
        var saved = await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var refused = await Session.PressAsync(_anna, await Session.ViewAsync(_anna), "sessionContribute");

        Assert.Equal("Good", ColourOf(started, "De sessie is gestart."));
        Assert.Equal("Good", ColourOf(saved, "Dank u. Uw bijdrage is opgeslagen."));
        Assert.Equal("Attention", ColourOf(refused, "Uw bijdrage is leeg."));
    }

    [Fact]
    public async Task OneContributionAndOneAgreement_ReadInTheSingular_OnTheCardsInTheChatAndInTheReport()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");

        Assert.Contains("1 bijdrage van 1 deelnemer;", TextOf(await Session.ViewAsync(_lead)), StringComparison.Ordinal);
        var status = (await Session.SendAsync(Session.Chat.Message(_lead, "status")))["text"]?.GetValue<string>() ?? string.Empty;
        Assert.Contains("1 bijdrage bij deze stap van 1 deelnemer;", status, StringComparison.Ordinal);

        var report = await CompleteAsync();
        Assert.Contains("1 bijdrage, 1 afspraak.", TextOf(report), StringComparison.Ordinal);
        Assert.Contains("1 bijdrage", TextOf(report).Split('\n'), StringComparer.Ordinal);
        Assert.Contains("0 bijdragen", TextOf(report).Split('\n'), StringComparer.Ordinal);
        using var client = Bot.CreateClient();
        foreach (var link in report["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl"))
        {
            var content = await ReportDownload.ReadAsync(client, link!["url"]!.GetValue<string>());
            Assert.Contains("1 bijdrage, 1 afspraak.", content, StringComparison.Ordinal);
            Assert.Contains("1 bijdrage.", content, StringComparison.Ordinal);
            Assert.DoesNotContain("1 bijdragen", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ShowContributions_WithNoneYet_SaysSoOnTheSharedCardAndToTheFacilitator()
    {
        var view = await Session.StartAsync(_lead);

        var shown = await Session.PressAsync(_lead, view, "sessionReveal");

        Assert.Contains(NoneYet, TextOf(Session.SharedCard()), StringComparison.Ordinal);
        Assert.Contains(NoneYet, TextOf(shown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedNextAndPrevious_AnswerWithOneLineNamingTheStep()
    {
        await Session.StartAsync(_lead);

        // A title that is a question keeps its question mark and gets no full stop after it.
        var next = await Session.SendAsync(Session.Chat.Message(_lead, "volgende"));
        Assert.Equal(Line("Stap 2 van 9", StepTitle()), next["text"]?.GetValue<string>());
        var previous = await Session.SendAsync(Session.Chat.Message(_lead, "vorige"));
        Assert.Equal(Line("Stap 1 van 9", StepTitle()), previous["text"]?.GetValue<string>());

        static string Line(string label, string title) => title.EndsWith('?') ? $"{label}: {title}" : $"{label}: {title}.";
    }

    // The step's title as the shared card shows it, after the organisation and the step label.
    private string StepTitle() => Session.SharedCard()["body"]![2]!["text"]!.GetValue<string>();

    [Fact]
    public async Task TheReport_IsStyledForAPhone_WithInlineStyleOnly_AndOffersTheTextFile()
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");

        var report = await CompleteAsync();

        var titles = report["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Verslag als tekstbestand", titles);
        Assert.DoesNotContain(titles, t => t.Contains("Markdown", StringComparison.Ordinal));
        var htmlUrl = report["actions"]!.AsArray().First(a => a!["url"]?.GetValue<string>().EndsWith(".html", StringComparison.Ordinal) == true)!["url"]!.GetValue<string>();
        using var client = Bot.CreateClient();
        using var response = await client.GetAsync(new Uri(htmlUrl).PathAndQuery);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("font-family:system-ui", html, StringComparison.Ordinal);
        Assert.Contains("max-width:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Equal(
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            string.Join(';', response.Headers.GetValues("Content-Security-Policy")));
    }

    // Goes to the last step, adds one agreement and completes; returns the report card.
    private async Task<JsonObject> CompleteAsync()
    {
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await Session.PressAsync(_lead, view, "sessionComplete");
        return CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
    }

    // The colour of the text block that starts with the given sentence.
    private static string? ColourOf(JsonObject card, string sentence) =>
        Assert.Single(Descendants(card).OfType<JsonObject>(), o => o["text"]?.GetValue<string>()?.StartsWith(sentence, StringComparison.Ordinal) == true)["color"]?.GetValue<string>();
}
