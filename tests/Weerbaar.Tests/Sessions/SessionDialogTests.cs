using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Sessions;
using Weerbaar.Harness.Fuzz;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// "Bijdrage geven" and "Afspraak toevoegen" as Teams dialogs (task/fetch and task/submit) over HTTP with the real
/// pipeline, a facilitator and two participants: the whole way to the report, input that does not fit, and dialogs
/// that no longer fit (stale), were never meant for the sender (forged) or are sent twice. Each test has its own
/// group chat, so they share one bot.
/// </summary>
public sealed class SessionDialogTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private const string Contribute = "sessionContribute";
    private const string Agreement = "sessionAgreement";
    private const string StepOver = "Deze stap is voorbij. Er is niets veranderd. Open het venster opnieuw vanaf de kaart in de chat.";

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= NewChat();

    [Fact]
    public async Task ThreeUsers_SetUpContributeEditWithdrawAndAgreeByDialog_AndTheReportHoldsWhatRemains()
    {
        var view = await Session.StartByDialogAsync(_lead, steps: ["opening", "waarom"]);

        // Step 1: Anna and Bram each give one by dialog (Anna opens it with the shared card's button, Bram from his
        // own view); Anna then edits hers from "Nog een bijdrage".
        var form = await Session.OpenDialogAsync(_anna, Session.SharedCard(), "Bijdrage geven");
        Assert.Equal("Bijdrage geven", form.Title);
        Assert.Contains("Stap 1 van 3", form.Text, StringComparison.Ordinal);
        Assert.Matches(@"Nog \d+ minuten \(tot \d{2}:\d{2}\)\.", form.Text);
        var picker = Assert.Single(Inputs(form), i => i["type"]!.GetValue<string>() == "Input.ChoiceSet");
        Assert.Equal("compact", picker["style"]!.GetValue<string>());
        Assert.Equal(2, picker["choices"]!.AsArray().Count);
        Assert.Equal(SessionEngine.MaxContributionLength, Input(form, "contributionText")["maxLength"]!.GetValue<int>());

        var received = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionText"] = "Eerste versie van Anna" });
        Assert.Contains("Ontvangen", received.Text, StringComparison.Ordinal);
        Assert.Contains("Uw bijdrage is opgeslagen", received.Text, StringComparison.Ordinal);
        var bramForm = await Session.OpenDialogAsync(_bram, await Session.ViewAsync(_bram), "Bijdrage geven");
        await Session.PressDialogAsync(_bram, bramForm, "Versturen", new JsonObject { ["contributionQuestion"] = "herkennen", ["contributionText"] = "Bram bij de opening" });

        var again = await Session.PressDialogAsync(_anna, received, "Nog een bijdrage");
        var own = Assert.Single(Inputs(again), i => i["id"]!.GetValue<string>().StartsWith("edit_", StringComparison.Ordinal));
        Assert.Equal("Eerste versie van Anna", own["value"]!.GetValue<string>());
        var edited = await Session.PressDialogAsync(_anna, again, "Opslaan", new JsonObject { [own["id"]!.GetValue<string>()] = "Verbeterde versie van Anna" });
        Assert.Contains("Uw bijdrage is aangepast", edited.Text, StringComparison.Ordinal);
        Assert.True((await Session.PressDialogAsync(_anna, edited, "Sluiten")).Closes);

        view = await Session.PressAsync(_lead, view, "sessionNext");

        // Step 2: Anna gives one; Bram gives one and withdraws it.
        await Session.PressDialogAsync(_anna, await Session.OpenDialogAsync(_anna, Contribute, "waarom"), "Versturen", new JsonObject { ["contributionText"] = "Anna bij waarom" });
        var bramReceived = await Session.PressDialogAsync(_bram, await Session.OpenDialogAsync(_bram, Contribute, "waarom"), "Versturen", new JsonObject { ["contributionText"] = "Bram trekt dit in" });
        var withdrawn = await Session.PressDialogAsync(_bram, await Session.PressDialogAsync(_bram, bramReceived, "Nog een bijdrage"), "Intrekken");
        Assert.Contains("Uw bijdrage is ingetrokken", withdrawn.Text, StringComparison.Ordinal);

        view = await Session.PressAsync(_lead, view, "sessionNext");

        // Agreements by dialog; the form lists those already made.
        var agreement = await Session.OpenDialogAsync(_lead, view, "Afspraak toevoegen");
        Assert.Equal("Afspraak toevoegen", agreement.Title);
        Assert.Contains("Geen naam: namen zijn persoonsgegevens", Input(agreement, "agreementOwner")["label"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Input.Date", Input(agreement, "agreementDue")["type"]!.GetValue<string>());
        var recorded = await Session.PressDialogAsync(_lead, agreement, "Afspraak toevoegen", AgreementInputs("Noodstroomplan bijwerken", "facilitair manager", 3));
        Assert.Contains("De afspraak is toegevoegd", recorded.Text, StringComparison.Ordinal);
        var second = await Session.PressDialogAsync(_lead, recorded, "Nog een afspraak");
        Assert.Contains("Noodstroomplan bijwerken – facilitair manager", second.Text, StringComparison.Ordinal);
        var updates = SharedCardUpdates();
        await Session.PressDialogAsync(_lead, second, "Afspraak toevoegen", AgreementInputs("Telefoonlijst op papier", "teamleider ICT", 1));
        Assert.True(SharedCardUpdates() > updates, "An agreement updates the shared card, as the inline button does.");

        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionComplete");

        var report = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        Assert.Contains("3 bijdragen, 2 afspraken", TextOf(report), StringComparison.Ordinal);
        var markdownUrl = report["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>();
        using var client = Bot.CreateClient();
        var markdown = await client.GetStringAsync(new Uri(markdownUrl).PathAndQuery);
        Assert.All(["Verbeterde versie van Anna", "Bram bij de opening", "Anna bij waarom", "Noodstroomplan bijwerken", "Telefoonlijst op papier"], text => Assert.Contains(text, markdown, StringComparison.Ordinal));
        Assert.DoesNotContain("Eerste versie", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Bram trekt dit in", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_BringsTheSameDialogBack_WithTheReasonUnderTheField_AndWhatWasTyped()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        var form = await Session.OpenDialogAsync(_anna, Contribute, "opening");

        var empty = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionQuestion"] = "herkennen", ["contributionText"] = "   " });
        Assert.Equal("Uw bijdrage is leeg. Typ eerst iets in het invulveld.", ErrorUnder(empty, "contributionText"));
        Assert.Equal("herkennen", Input(empty, "contributionQuestion")["value"]!.GetValue<string>());

        var tooLong = new string('x', SessionEngine.MaxContributionLength + 1);
        var long1 = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionText"] = tooLong });
        Assert.Contains("te lang", ErrorUnder(long1, "contributionText"), StringComparison.Ordinal);
        Assert.Equal(tooLong, Input(long1, "contributionText")["value"]!.GetValue<string>());

        var noQuestion = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionQuestion"] = "bestaat-niet", ["contributionText"] = "Wel tekst" });
        Assert.Equal("Kies een vraag uit de lijst.", ErrorUnder(noQuestion, "contributionQuestion"));
        Assert.Equal("Wel tekst", Input(noQuestion, "contributionText")["value"]!.GetValue<string>());

        // An edit emptied: the reason under that contribution's own box.
        var received = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionText"] = "Blijft staan" });
        var again = await Session.PressDialogAsync(_anna, received, "Nog een bijdrage");
        var ownId = Assert.Single(Inputs(again), i => i["id"]!.GetValue<string>().StartsWith("edit_", StringComparison.Ordinal))["id"]!.GetValue<string>();
        var emptied = await Session.PressDialogAsync(_anna, again, "Opslaan", new JsonObject { [ownId] = "" });
        Assert.Equal("Uw bijdrage is leeg. Typ eerst iets in het invulveld.", ErrorUnder(emptied, ownId));
        Assert.Equal(["Blijft staan"], (await StateAsync()).Contributions.Select(c => c.Text));

        await Session.PressAsync(_lead, view, "sessionNext");
        var agreement = await Session.OpenDialogAsync(_lead, Agreement, "afspraken");
        var past = await Session.PressDialogAsync(_lead, agreement, "Afspraak toevoegen", new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = " ",
            ["agreementDue"] = Date(DateTime.UtcNow.AddDays(-2)),
        });
        Assert.Equal("Vul een rol in, bijvoorbeeld teamleider ICT.", ErrorUnder(past, "agreementOwner"));
        Assert.Equal("Kies vandaag of een latere datum.", ErrorUnder(past, "agreementDue"));
        Assert.Equal("Noodstroom regelen", Input(past, "agreementWhat")["value"]!.GetValue<string>());

        var unreadable = await Session.PressDialogAsync(_lead, agreement, "Afspraak toevoegen", new JsonObject
        {
            ["agreementWhat"] = new string('a', SessionEngine.MaxAgreementLength + 1),
            ["agreementOwner"] = "teamleider ICT",
            ["agreementDue"] = "volgende week",
        });
        Assert.Contains("te lang", ErrorUnder(unreadable, "agreementWhat"), StringComparison.Ordinal);
        Assert.Equal("Kies een datum.", ErrorUnder(unreadable, "agreementDue"));
        Assert.Equal("volgende week", Input(unreadable, "agreementDue")["value"]!.GetValue<string>());
        Assert.Empty((await StateAsync()).Agreements);
    }

    [Fact]
    public async Task DialogOfAStepThatMovedOnOrASessionThatEnded_ClosesWithALine_AndChangesNothing()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        var form = await Session.OpenDialogAsync(_anna, Contribute, "opening");
        var agreement = await Session.OpenDialogAsync(_lead, Agreement, "opening");

        view = await Session.PressAsync(_lead, view, "sessionNext");

        Assert.Equal(StepOver, (await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionText"] = "Te laat" })).Line);
        Assert.Equal(StepOver, (await Session.OpenDialogAsync(_anna, Contribute, "opening")).Line);
        Assert.Equal(StepOver, (await Session.PressDialogAsync(_lead, agreement, "Afspraak toevoegen", AgreementInputs("Te laat", "teamleider ICT", 1))).Line);
        var state = await StateAsync();
        Assert.Empty(state.Contributions);
        Assert.Empty(state.Agreements);

        var current = await Session.OpenDialogAsync(_anna, Contribute, "afspraken");
        var currentAgreement = await Session.OpenDialogAsync(_lead, Agreement, "afspraken");
        await Session.InvokeCardAsync(_lead, "sessionEnd", Control(view));
        Assert.Equal(SessionStatus.Cancelled, (await StateAsync()).Status);

        Assert.Equal("Deze sessie is al afgelopen.", (await Session.PressDialogAsync(_anna, current, "Versturen", new JsonObject { ["contributionText"] = "Na afloop" })).Line);
        Assert.Equal("Deze sessie is al afgelopen.", (await Session.OpenDialogAsync(_anna, Contribute, "afspraken")).Line);
        Assert.Equal("Deze sessie is al afgelopen.", (await Session.PressDialogAsync(_lead, currentAgreement, "Afspraak toevoegen", AgreementInputs("Na afloop", "teamleider ICT", 1))).Line);
        state = await StateAsync();
        Assert.Empty(state.Contributions);
        Assert.Empty(state.Agreements);
    }

    [Fact]
    public async Task ForgedDialogs_AnotherConversationsSessionNoSessionAParticipantAsFacilitatorOrSomeoneElsesContribution_AreRefusedInDutch()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        var other = NewChat();
        await other.StartAsync(_bram, steps: ["opening"]);
        var otherSession = other.SessionId;

        // A session of another conversation, or none: the dialog does not open, and a submit changes nothing there.
        Assert.Equal("Deze sessie bestaat niet meer.", (await Session.OpenDialogAsync(_anna, Contribute, "opening", otherSession)).Line);
        var form = await Session.OpenDialogAsync(_anna, Contribute, "opening");
        var redirected = SessionConversation.DialogData(form, "Versturen", new JsonObject { ["contributionText"] = "Ergens anders", ["sessionId"] = otherSession });
        Assert.Equal("Deze sessie bestaat niet meer.", (await Session.SubmitDialogAsync(_anna, redirected)).Line);
        var withoutSession = SessionConversation.DialogData(form, "Versturen", new JsonObject { ["contributionText"] = "Zonder sessie" });
        withoutSession.Remove("sessionId");
        Assert.Equal("Deze sessie bestaat niet meer.", (await Session.SubmitDialogAsync(_anna, withoutSession)).Line);
        Assert.Empty((await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(otherSession), CancellationToken.None))!.State.Contributions);

        // The agreement dialog is the facilitator's: a participant can neither open it nor send its data.
        await Session.PressAsync(_lead, view, "sessionNext");
        Assert.Equal("Alleen de gespreksleider kan dit doen.", (await Session.OpenDialogAsync(_anna, Agreement, "afspraken")).Line);
        var leadForm = await Session.OpenDialogAsync(_lead, Agreement, "afspraken");
        var copied = SessionConversation.DialogData(leadForm, "Afspraak toevoegen", AgreementInputs("Door Anna", "teamleider ICT", 1));
        Assert.Equal("Alleen de gespreksleider kan dit doen.", (await Session.SubmitDialogAsync(_anna, copied)).Line);
        Assert.Empty((await StateAsync()).Agreements);

        // Someone else's contribution: Bram cannot edit or withdraw Anna's.
        var annaForm = await Session.PressDialogAsync(_anna, await Session.PressDialogAsync(_anna, await Session.OpenDialogAsync(_anna, Contribute, "afspraken"), "Versturen", new JsonObject { ["contributionText"] = "Van Anna" }), "Nog een bijdrage");
        var annas = SessionConversation.DialogData(annaForm, "Opslaan");
        var ownInput = annas.Select(p => p.Key).Single(k => k.StartsWith("edit_", StringComparison.Ordinal));
        annas[ownInput] = "Door Bram overschreven";
        Assert.Equal("U kunt alleen uw eigen bijdragen aanpassen.", (await Session.SubmitDialogAsync(_bram, annas)).Line);
        Assert.Equal("U kunt alleen uw eigen bijdragen aanpassen.", (await Session.SubmitDialogAsync(_bram, SessionConversation.DialogData(annaForm, "Intrekken"))).Line);
        var notAnId = SessionConversation.DialogData(annaForm, "Intrekken");
        notAnId["contribution"] = "../../etc/passwd";
        Assert.Equal("Die bijdrage bestaat niet meer.", (await Session.SubmitDialogAsync(_anna, notAnId)).Line);
        Assert.Equal(["Van Anna"], (await StateAsync()).Contributions.Select(c => c.Text));
    }

    [Fact]
    public async Task DoubleSubmits_OneAfterTheOtherOrAtTheSameMoment_AreAppliedOnce_AndAnsweredAlike()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        var data = SessionConversation.DialogData(await Session.OpenDialogAsync(_anna, Contribute, "opening"), "Versturen", new JsonObject { ["contributionText"] = "Eén keer bedoeld" });

        var first = await Session.SubmitDialogAsync(_anna, data);
        var second = await Session.SubmitDialogAsync(_anna, data);
        Assert.Contains("Uw bijdrage is opgeslagen", first.Text, StringComparison.Ordinal);
        Assert.Equal(first.Raw, second.Raw);
        Assert.Single((await StateAsync()).Contributions);

        var together = SessionConversation.DialogData(await Session.OpenDialogAsync(_bram, Contribute, "opening"), "Versturen", new JsonObject { ["contributionText"] = "Tegelijk" });
        var answers = await Task.WhenAll(Session.SubmitDialogAsync(_bram, together), Session.SubmitDialogAsync(_bram, together));
        Assert.Equal(answers[0].Raw, answers[1].Raw);
        Assert.Equal(["Eén keer bedoeld", "Tegelijk"], (await StateAsync()).Contributions.Select(c => c.Text));

        await Session.PressAsync(_lead, view, "sessionNext");
        var agreement = SessionConversation.DialogData(await Session.OpenDialogAsync(_lead, Agreement, "afspraken"), "Afspraak toevoegen", AgreementInputs("Noodstroom regelen", "facilitair manager", 2));
        var recorded = await Task.WhenAll(Session.SubmitDialogAsync(_lead, agreement), Session.SubmitDialogAsync(_lead, agreement));
        Assert.Equal(recorded[0].Raw, recorded[1].Raw);
        Assert.Contains("De afspraak is toegevoegd", recorded[0].Text, StringComparison.Ordinal);
        Assert.Single((await StateAsync()).Agreements);
    }

    [Fact]
    public async Task AnonymousSession_DialogContributionIsStoredUnderThePseudonym_AndTheAuthorStillSeesTheirOwn()
    {
        await Session.StartAsync(_lead, anonymous: true, steps: ["opening"]);
        var form = await Session.OpenDialogAsync(_anna, Contribute, "opening");
        Assert.Contains("Deze sessie is anoniem", form.Text, StringComparison.Ordinal);

        var received = await Session.PressDialogAsync(_anna, form, "Versturen", new JsonObject { ["contributionText"] = "Anoniem gezegd" });
        var again = await Session.PressDialogAsync(_anna, received, "Nog een bijdrage");

        Assert.Contains(Inputs(again), i => i["value"]?.GetValue<string>() == "Anoniem gezegd");
        Assert.DoesNotContain(Inputs(await Session.OpenDialogAsync(_bram, Contribute, "opening")), i => i["value"]?.GetValue<string>() == "Anoniem gezegd");
        var state = await StateAsync();
        var contribution = Assert.Single(state.Contributions);
        Assert.NotEqual(_anna.Id, contribution.AuthorKey);
        Assert.Equal(Bot.Services.GetRequiredService<ContributorPseudonyms>().AuthorKey(state, _anna.Id), contribution.AuthorKey);
    }

    [Fact]
    public async Task FuzzedDialogData_AimedAtARunningSession_GetsADialogAnswer_NeverAnErrorOrAStackTrace()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        await Session.PressDialogAsync(_anna, await Session.OpenDialogAsync(_anna, Contribute, "opening"), "Versturen", new JsonObject { ["contributionText"] = "Van Anna" });
        var annas = Assert.Single((await StateAsync()).Contributions).Id.ToString();
        var fuzzer = new ActivityFuzzer(20261203, Connector.ServiceUrl);
        for (var i = 0; i < 240; i++)
        {
            // Half aim at this chat's session and step, so the cases get past the lookup into the dialogs' own checks.
            var data = fuzzer.DialogData();
            if (i % 2 == 0)
            {
                data["sessionId"] = Session.SessionId;
                data["step"] = i % 8 == 0 ? "afspraken" : "opening";
                data["contribution"] = i % 4 == 0 ? annas : data["contribution"]?.DeepClone();
            }

            // The facilitator, the author and strangers, each well below the turns a user may take per minute.
            var user = (i % 6) switch { 0 => _lead, 1 => _anna, _ => TeamsUser.Create("Fuzz") };
            using var response = await Bot.PostActivityAsync(i % 3 == 0 ? Session.Chat.DialogFetch(user, data) : Session.Chat.DialogSubmit(user, data));
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"case {i}: {(int)response.StatusCode} for {data.ToJsonString()}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at Weerbaar.", body, StringComparison.Ordinal);
            Assert.True(body == "{}" || JsonNode.Parse(body)?["task"]?["type"]?.GetValue<string>() is "continue" or "message", $"case {i}: {body}");
            if (i % 50 == 0)
            {
                view = await Session.ViewAsync(_lead);
            }
        }

        Assert.Contains("Stap", TextOf(view), StringComparison.Ordinal);
    }

    private int SharedCardUpdates() => Connector.Calls.Count(c => c.ConversationId == Session.Chat.Id && c.Kind == ConnectorCallKind.Update);

    private SessionConversation NewChat() => new(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    private static JsonObject AgreementInputs(string what, string owner, int monthsAhead) => new()
    {
        ["agreementWhat"] = what,
        ["agreementOwner"] = owner,
        ["agreementDue"] = Date(DateTime.UtcNow.AddMonths(monthsAhead)),
    };

    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Control(JsonObject view) =>
        (JsonObject)ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionNext")!["data"]!.DeepClone();

    private static List<JsonObject> Inputs(DialogAnswer dialog) =>
        [.. Descendants(dialog.Card ?? throw new InvalidOperationException($"The dialog closed with: {dialog.Line}")).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)];

    private static JsonObject Input(DialogAnswer dialog, string id) => Inputs(dialog).Single(i => i["id"]!.GetValue<string>() == id);

    // The reason for a field is the element right under it, in the attention colour.
    private static string ErrorUnder(DialogAnswer dialog, string inputId)
    {
        var siblings = Descendants(dialog.Card!).OfType<JsonArray>().First(a => a.Any(e => e?["id"]?.GetValue<string>() == inputId));
        var index = siblings.Select((e, i) => (e, i)).First(p => p.e?["id"]?.GetValue<string>() == inputId).i;
        var under = siblings[index + 1]!.AsObject();
        Assert.Equal("TextBlock", under["type"]!.GetValue<string>());
        Assert.Equal("Attention", under["color"]!.GetValue<string>());
        return under["text"]!.GetValue<string>();
    }

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), CancellationToken.None))!.State;
}
