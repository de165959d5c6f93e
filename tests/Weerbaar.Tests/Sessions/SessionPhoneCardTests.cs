using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The session cards as a busy member sees them on a phone: one control card for the facilitator, long texts folded
/// behind "Lees meer", the notice once, the video of step 1 one press away, few buttons in sight, <c>status</c>
/// bringing the card back, the last step asking for agreements once, and the buttons that open the dialogs. Each test
/// has its own group chat, so they share one bot.
/// </summary>
public sealed class SessionPhoneCardTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private static readonly Core.Sessions.Scenario Scenario = Knowledge.RepositoryKnowledge.Load.Set.Scenario!;

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task PressingStart_TurnsTheSetupCardIntoAShortConfirmationWithoutButtons_TheSharedCardIsTheControlCard()
    {
        var confirmation = await Session.SubmitSetupAsync(_lead);

        var text = TextOf(confirmation);
        Assert.StartsWith("De sessie is gestart.", Assert.Single(Descendants(confirmation).OfType<JsonObject>(), o => o["text"]?.GetValue<string>()?.StartsWith("De sessie is gestart.", StringComparison.Ordinal) == true)["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("gesprekskaart", text, StringComparison.Ordinal);
        Assert.Empty(Actions(confirmation));
        Assert.Contains(Actions(Session.SharedCard()), a => a["verb"]?.GetValue<string>() == "sessionView");
        Assert.Contains(Actions(await Session.ViewAsync(_lead)), a => a["verb"]?.GetValue<string>() == "sessionNext");
    }

    [Fact]
    public async Task ALongSituation_ShowsItsFirstSentences_AndTheRestBehindLeesMeer_OnTheSharedCardAndTheViews()
    {
        var view = await Session.StartAsync(_lead);
        var situation = Scenario.Step("opening")!.Situation;
        var lastSentence = situation[(situation.LastIndexOf(". ", StringComparison.Ordinal) + 2)..];

        foreach (var card in new[] { Session.SharedCard(), view, await Session.ViewAsync(_anna) })
        {
            var visible = VisibleText(card);
            Assert.Contains("Welkom.", visible, StringComparison.Ordinal);
            Assert.DoesNotContain(lastSentence, visible, StringComparison.Ordinal);
            var more = Assert.Single(Actions(card), a => a["type"]!.GetValue<string>() == "Action.ShowCard" && a["title"]!.GetValue<string>() == "Lees meer");
            Assert.Contains(lastSentence, TextOf(more["card"]!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheSetupCard_ShowsThePreparationsFirstSentence_AndTheRestBehindLeesMeer()
    {
        var setup = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "start sessie")));

        Assert.Contains("**Voorbereiding:** de opening begint met de video", VisibleText(setup), StringComparison.Ordinal);
        Assert.DoesNotContain("**Tip:**", VisibleText(setup), StringComparison.Ordinal);
        var more = Assert.Single(Actions(setup), a => a["title"]?.GetValue<string>() == "Lees meer");
        Assert.Contains("**Tip:**", TextOf(more["card"]!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNotice_IsOnTheSetupCardAndTheReport_NotOnTheStepCards()
    {
        var setup = CardOf(await Session.SendAsync(Session.Chat.Message(_lead, "start sessie")));
        Assert.Contains(Scenario.Notice, TextOf(setup), StringComparison.Ordinal);

        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        foreach (var card in new[] { Session.SharedCard(), view, await Session.ViewAsync(_anna) })
        {
            Assert.DoesNotContain(Scenario.Notice, TextOf(card), StringComparison.Ordinal);
        }

        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: Agreement());
        await Session.PressAsync(_lead, view, "sessionComplete");
        var report = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        Assert.Contains(Scenario.Notice, TextOf(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpeningStep_HasAButtonForHowToGetTheVideo_WhichShowsThatArticle_OtherStepsDoNot()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "waarom", "afspraken"]);

        foreach (var card in new[] { Session.SharedCard(), view, await Session.ViewAsync(_anna) })
        {
            var button = Assert.Single(Actions(card), a => a["verb"]?.GetValue<string>() == "readMore");
            Assert.Equal("video-cds-nctv", button["data"]!["articleId"]!.GetValue<string>());
        }

        var before = Connector.SentActivities.Count;
        await Session.InvokeCardAsync(_anna, "readMore", new JsonObject { ["articleId"] = "video-cds-nctv" });
        var article = TextOf(CardOf(Connector.SentActivities.Skip(before).First()));
        Assert.Contains("wachtwoord", article, StringComparison.Ordinal);

        view = await Session.PressAsync(_lead, view, "sessionNext");
        Assert.DoesNotContain(Actions(view), a => a["verb"]?.GetValue<string>() == "readMore");
        Assert.DoesNotContain(Actions(Session.SharedCard()), a => a["verb"]?.GetValue<string>() == "readMore");
    }

    [Fact]
    public async Task TheFacilitatorView_ShowsAtMostFourControlButtons_TheRestUnderMeer_AndEveryControlStaysReachable()
    {
        var view = await Session.StartAsync(_lead);

        string[] controls = ["Vorige", "Volgende", "Pauze", "+5 minuten", "Toon bijdragen", "Sessie beëindigen", "Meer"];
        var visible = VisibleActions(view).Select(a => a["title"]!.GetValue<string>()).Where(controls.Contains).ToList();
        Assert.InRange(visible.Count, 1, 4);
        Assert.Contains("Volgende", visible);
        var more = Assert.Single(VisibleActions(view), a => a["title"]!.GetValue<string>() == "Meer");
        Assert.Equal("Action.ShowCard", more["type"]!.GetValue<string>());
        var verbs = ExecuteActions(view).Select(a => a!["verb"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "sessionPrevious", "sessionNext", "sessionPause", "sessionExtend", "sessionReveal", "sessionEnd", "sessionContinue" }, verbs);

        // Ending still asks first: "Ja, beëindigen" sits in a card of its own that says what happens.
        var end = Assert.Single(Actions(view), a => a["title"]?.GetValue<string>() == "Sessie beëindigen");
        Assert.Contains("Weet u het zeker?", TextOf(end["card"]!), StringComparison.Ordinal);
        Assert.Contains(ExecuteActions(end["card"]!), a => a!["verb"]!.GetValue<string>() == "sessionEnd");

        view = await Session.PressAsync(_lead, view, "sessionPause");
        Assert.Contains(ExecuteActions(view), a => a!["verb"]!.GetValue<string>() == "sessionResume");
    }

    [Fact]
    public async Task TypedStatus_PostsTheStepCardAgainWithItsButtons_AndLaterChangesUpdateThatNewCard()
    {
        await Session.StartAsync(_lead);
        var first = Session.SharedCard();

        var before = Connector.SentActivities.Count;
        await Session.SendAsync(Session.Chat.Message(_anna, "status"));
        var reposted = Connector.SentActivities.Skip(before).Single(a => a["summary"]?.GetValue<string>()?.StartsWith("Gesprekstool:", StringComparison.Ordinal) == true);
        var card = CardOf(reposted);
        Assert.Equal("sessionView", card["refresh"]?["action"]?["verb"]?.GetValue<string>());
        Assert.Contains(Actions(card), a => a["title"]?.GetValue<string>() == "Toon mijn weergave");
        Assert.Contains("Stap 1 van 9", TextOf(card), StringComparison.Ordinal);
        Assert.Equal(TextOf(first), TextOf(card));

        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        var update = Connector.Calls.Last(c => c.ConversationId == Session.Chat.Id && c.Kind == ConnectorCallKind.Update);
        Assert.Equal(reposted["id"]!.GetValue<string>(), update.ActivityId);
        Assert.Contains("Stap 2 van 9", TextOf(CardOf(update.Activity!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedStatus_WithoutASession_SaysThereIsNone()
    {
        var answer = await Session.SendAsync(Session.Chat.Message(_anna, "status"));

        Assert.Equal("Er loopt nu geen sessie in dit gesprek. Typ **start sessie** om er een te beginnen.", answer["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task TheAgreementsStep_AsksForAgreementsOnce_TheQuestionsAreGuidance()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        view = await Session.PressAsync(_lead, view, "sessionNext");
        var participant = await Session.ViewAsync(_anna);
        var question = Scenario.Step("afspraken")!.Questions[^1].Text;

        foreach (var card in new[] { view, participant })
        {
            Assert.Contains(question, TextOf(card), StringComparison.Ordinal);
            Assert.DoesNotContain(Descendants(card).OfType<JsonObject>(), o => o["id"]?.GetValue<string>()?.StartsWith("answer_", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(ExecuteActions(card), a => a!["verb"]!.GetValue<string>() == "sessionContribute");
            Assert.DoesNotContain(Actions(card), a => a["title"]?.GetValue<string>() == "Bijdrage geven");
        }

        Assert.Contains(Descendants(view).OfType<JsonObject>(), o => o["id"]?.GetValue<string>() == "agreementWhat");
        Assert.Contains("De gespreksleider legt de afspraken vast.", TextOf(participant), StringComparison.Ordinal);
        Assert.DoesNotContain(Descendants(participant).OfType<JsonObject>(), o => o["id"]?.GetValue<string>() == "agreementWhat");
    }

    [Fact]
    public async Task DialogButtons_OnTheSharedCardAndTheParticipantView_AndForAgreements_CarryTheTaskFetchContract()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var contribute = new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "task/fetch" },
            ["dialog"] = "sessionContribute",
            ["sessionId"] = Session.SessionId,
            ["step"] = "opening",
        };

        foreach (var card in new[] { Session.SharedCard(), await Session.ViewAsync(_anna) })
        {
            var button = Assert.Single(Actions(card), a => a["title"]?.GetValue<string>() == "Bijdrage geven");
            Assert.Equal("Action.Submit", button["type"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(contribute, button["data"]), button["data"]!.ToJsonString());
        }

        // The inline inputs stay for clients without dialogs.
        Assert.Contains(ExecuteActions(await Session.ViewAsync(_anna)), a => a!["verb"]!.GetValue<string>() == "sessionContribute");

        view = await Session.PressAsync(_lead, view, "sessionNext");
        var agreement = Assert.Single(Actions(view), a => a["type"]!.GetValue<string>() == "Action.Submit" && a["title"]?.GetValue<string>() == "Afspraak toevoegen");
        Assert.True(JsonNode.DeepEquals(
            new JsonObject
            {
                ["msteams"] = new JsonObject { ["type"] = "task/fetch" },
                ["dialog"] = "sessionAgreement",
                ["sessionId"] = Session.SessionId,
                ["step"] = "afspraken",
            },
            agreement["data"]));
        Assert.Contains(ExecuteActions(view), a => a!["verb"]!.GetValue<string>() == "sessionAgreement");
        Assert.DoesNotContain(Actions(Session.SharedCard()), a => a["title"]?.GetValue<string>() == "Bijdrage geven");
    }

    private static JsonObject Agreement() => new()
    {
        ["agreementWhat"] = "Noodstroom regelen",
        ["agreementOwner"] = "facilitair manager",
        ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    // Every button of a card, also those inside a card that a button shows.
    private static IEnumerable<JsonObject> Actions(JsonNode card) =>
        Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>()?.StartsWith("Action.", StringComparison.Ordinal) == true);

    // The buttons a member sees without opening anything: not inside a card that an Action.ShowCard shows.
    private static IEnumerable<JsonObject> VisibleActions(JsonNode card) =>
        Visible(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>()?.StartsWith("Action.", StringComparison.Ordinal) == true);

    private static string VisibleText(JsonNode card) => string.Join(
        "\n",
        Visible(card).OfType<JsonObject>().Where(o => o["isVisible"]?.GetValue<bool>() != false).Select(o => o["text"]).OfType<JsonValue>().Select(v => v.GetValue<string>()));

    private static IEnumerable<JsonNode> Visible(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj when obj["type"]?.GetValue<string>() == "Action.ShowCard" => [],
            JsonObject obj when obj["isVisible"]?.GetValue<bool>() == false => [],
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Visible(child))
            {
                yield return descendant;
            }
        }
    }
}
