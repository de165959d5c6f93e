using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Reveal, dot-voting ("Stemmen") and merging ("Samenvoegen") over HTTP with the real pipeline, a facilitator and two
/// participants: the whole way to the report, a long list that pages within Teams' card size, and dialogs that no
/// longer fit (stale), were never meant for the sender (forged) or are sent twice.
/// </summary>
public sealed class SessionVotingDialogTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private const string Vote = "sessionVote";
    private const string Merge = "sessionMerge";
    private const string NoRound = "Er is nu geen stemronde open. Er is niets veranderd.";

    /// <summary>Teams' limit for a card (DESIGN.md); the whole dialog response must stay under it.</summary>
    private const int CardBudgetBytes = 28 * 1024;

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= NewChat();

    [Fact]
    public async Task ThreeUsers_RevealVoteChangeMergeAndClose_TheSharedCardAndTheReportShowTheTopItemsWithCounts()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening"]);
        await Session.ContributeAsync(_anna, "Stroom valt uit");
        await Session.ContributeAsync(_anna, "Geen noodstroom");
        await Session.ContributeAsync(_bram, "Er is geen aggregaat");

        // Before the reveal there is no round to vote in, and the facilitator's second button shows the contributions.
        Assert.Equal(NoRound, (await Session.OpenDialogAsync(_anna, Vote, "opening")).Line);
        view = await Session.ViewAsync(_lead);
        Assert.Equal("Toon bijdragen", ControlTitles(view)[1]);
        view = await Session.PressAsync(_lead, view, "sessionReveal");
        Assert.Equal(["Volgende", "Stemronde openen", "Sessie beëindigen", "Meer"], ControlTitles(view));

        view = await Session.PressAsync(_lead, view, "sessionOpenVoting");
        Assert.Contains("De stemronde is open", Message(view), StringComparison.Ordinal);
        Assert.Equal(["Volgende", "Stemronde sluiten", "Sessie beëindigen", "Meer"], ControlTitles(view));
        var stemmen = SessionConversation.ButtonData(Session.SharedCard(), "Stemmen");
        Assert.Equal("task/fetch", stemmen["msteams"]!["type"]!.GetValue<string>());
        Assert.Equal((Vote, "opening"), (stemmen["dialog"]!.GetValue<string>(), stemmen["step"]!.GetValue<string>()));

        // Anna votes from the shared card: two for one contribution, one for another.
        var form = await Session.OpenDialogAsync(_anna, Session.SharedCard(), "Stemmen");
        Assert.Equal("Stemmen", form.Title);
        Assert.Contains("Nog 3 van de 3 stemmen over.", form.Text, StringComparison.Ordinal);
        Assert.Equal(3, VoteInputs(form).Count);
        var saved = await Session.PressDialogAsync(_anna, form, "Stemmen opslaan", Votes(form, ("Stroom valt uit", 2), ("Er is geen aggregaat", 1)));
        Assert.Contains("Uw stemmen zijn opgeslagen", saved.Text, StringComparison.Ordinal);

        // Bram votes, gives too many once (the same dialog with the reason), then changes his vote.
        var bramForm = await Session.OpenDialogAsync(_bram, await Session.ViewAsync(_bram), "Stemmen");
        var tooMany = await Session.PressDialogAsync(_bram, bramForm, "Stemmen opslaan", Votes(bramForm, ("Geen noodstroom", 4)));
        Assert.Equal("Stemmen", tooMany.Title);
        Assert.Contains("U gaf 4 stemmen, maar u hebt er 3. Haal er 1 weg.", tooMany.Text, StringComparison.Ordinal);
        Assert.DoesNotContain((await StateAsync()).Votes, v => v.Count == 4);
        var first = await Session.PressDialogAsync(_bram, tooMany, "Stemmen opslaan", Votes(tooMany, ("Geen noodstroom", 1), ("Er is geen aggregaat", 2)));
        var change = await Session.PressDialogAsync(_bram, first, "Stemmen aanpassen");
        Assert.Equal("2", VoteInputs(change).Single(i => i.Text == "Er is geen aggregaat").Value);
        Assert.Contains("Nog 0 van de 3 stemmen over.", change.Text, StringComparison.Ordinal);
        await Session.PressDialogAsync(_bram, change, "Stemmen opslaan", Votes(change, ("Geen noodstroom", 3), ("Er is geen aggregaat", 0)));

        // While people vote, the shared card shows no counts.
        Assert.DoesNotContain("Meeste stemmen", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        // The facilitator merges the aggregate into "Geen noodstroom": Anna's vote for it moves along.
        var merge = await Session.OpenDialogAsync(_lead, await Session.ViewAsync(_lead), "Samenvoegen");
        Assert.Equal("Samenvoegen", merge.Title);
        var second = await Session.PressDialogAsync(_lead, merge, "Volgende", new JsonObject { ["mergeKept"] = IdOf(await StateAsync(), "Geen noodstroom") });
        Assert.Contains("Deze bijdrage blijft: Geen noodstroom", second.Text, StringComparison.Ordinal);
        var merged = await Session.PressDialogAsync(_lead, second, "Samenvoegen", new JsonObject { ["mergeMerged"] = IdOf(await StateAsync(), "Er is geen aggregaat") });
        Assert.Contains("De bijdragen zijn samengevoegd", merged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Er is geen aggregaat", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        Assert.DoesNotContain(VoteInputs(await Session.OpenDialogAsync(_anna, Vote, "opening")), i => i.Text == "Er is geen aggregaat");

        view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionCloseVoting");
        Assert.Contains("De stemronde is gesloten", Message(view), StringComparison.Ordinal);
        var shared = TextOf(Session.SharedCard());
        Assert.Contains("Meeste stemmen", shared, StringComparison.Ordinal);
        Assert.Contains("**4 stemmen** – Geen noodstroom", shared, StringComparison.Ordinal);
        Assert.Contains("**2 stemmen** – Stroom valt uit", shared, StringComparison.Ordinal);
        Assert.True(shared.IndexOf("4 stemmen", StringComparison.Ordinal) < shared.IndexOf("2 stemmen", StringComparison.Ordinal), "Most votes first.");

        // A vote sent after closing changes nothing.
        Assert.Equal(NoRound, (await Session.PressDialogAsync(_anna, saved, "Stemmen aanpassen")).Line);
        Assert.Equal(NoRound, (await Session.PressDialogAsync(_anna, form, "Stemmen opslaan", Votes(form, ("Stroom valt uit", 3)))).Line);

        view = await Session.PressAsync(_lead, view, "sessionNext");
        await Session.PressDialogAsync(_lead, await Session.OpenDialogAsync(_lead, view, "Afspraak toevoegen"), "Afspraak toevoegen", new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionComplete");

        var report = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        var markdownUrl = report["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>();
        using var client = Bot.CreateClient();
        var markdown = (await client.GetStringAsync(new Uri(markdownUrl).PathAndQuery)).ReplaceLineEndings("\n");
        Assert.Contains("**Meeste stemmen**\n\n- 4 stemmen: Geen noodstroom\n- 2 stemmen: Stroom valt uit\n", markdown, StringComparison.Ordinal);
        Assert.Contains("  - Samengevoegd hiermee: Er is geen aggregaat", markdown, StringComparison.Ordinal);

        // The Word document, read back with the OpenXml SDK, holds the top items and the agreement; the calendar file parses.
        var word = ReportDownload.WordParagraphs(await client.GetByteArrayAsync(ReportDownload.Link(report, "Verslag als Word-document")));
        var top = word.ToList().IndexOf("Meeste stemmen");
        Assert.Equal(["• 4 stemmen: Geen noodstroom", "• 2 stemmen: Stroom valt uit"], word.Skip(top + 1).Take(2));
        Assert.Contains("Noodstroom regelen", word);
        Assert.Contains("facilitair manager", word);
        var calendar = Ical.Net.Calendar.Load(await client.GetStringAsync(ReportDownload.Link(report, "In mijn agenda")))!;
        Assert.Contains("Noodstroom regelen – facilitair manager", Assert.Single(calendar.Events).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VotingDialog_With100LongContributions_StaysUnderTheCardBudgetOnEveryPage_AndKeepsVotesAcrossPages()
    {
        await Session.StartAsync(_lead, steps: ["opening"]);
        await SeedContributionsAsync(100);
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionReveal");
        await Session.PressAsync(_lead, view, "sessionOpenVoting");

        var page = await Session.OpenDialogAsync(_anna, Vote, "opening");
        var pages = new List<DialogAnswer> { page };
        while (HasButton(page, "Volgende pagina"))
        {
            // A vote on the first, the third and the last page, carried along while paging.
            var inputs = pages.Count is 1 or 3 ? Votes(page, (VoteInputs(page)[0].Text, 1)) : null;
            page = await Session.PressDialogAsync(_anna, page, "Volgende pagina", inputs);
            pages.Add(page);
        }

        Assert.All(pages, p => Assert.True(Encoding.UTF8.GetByteCount(p.Raw) < CardBudgetBytes, $"{Encoding.UTF8.GetByteCount(p.Raw)} bytes"));
        Assert.InRange(pages.Count, 5, 100);
        Assert.Contains($"Pagina {pages.Count} van {pages.Count}", page.Text, StringComparison.Ordinal);
        var listed = pages.SelectMany(p => VoteInputs(p).Select(i => i.Id)).ToList();
        Assert.Equal(100, listed.Distinct().Count());
        Assert.Equal(100, listed.Count);
        Assert.Contains("Nog 1 van de 3 stemmen over.", page.Text, StringComparison.Ordinal);

        // Back a page and forth again: the votes are still there; then save on the last page.
        var back = await Session.PressDialogAsync(_anna, page, "Vorige pagina");
        Assert.Contains("Nog 1 van de 3 stemmen over.", back.Text, StringComparison.Ordinal);
        var last = await Session.PressDialogAsync(_anna, back, "Volgende pagina");
        var saved = await Session.PressDialogAsync(_anna, last, "Stemmen opslaan", Votes(last, (VoteInputs(last)[^1].Text, 1)));
        Assert.Contains("Uw stemmen zijn opgeslagen", saved.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await StateAsync()).Votes.Count);

        // The facilitator's merge dialog lists all 100 in each of its two steps and fits too.
        var merge = await Session.OpenDialogAsync(_lead, Merge, "opening");
        Assert.Equal(100, Descendants(merge.Card!).OfType<JsonObject>().First(o => o["id"]?.GetValue<string>() == "mergeKept")["choices"]!.AsArray().Count);
        var mergeSecond = await Session.PressDialogAsync(_lead, merge, "Volgende");
        Assert.Equal(99, Descendants(mergeSecond.Card!).OfType<JsonObject>().First(o => o["id"]?.GetValue<string>() == "mergeMerged")["choices"]!.AsArray().Count);
        Assert.All([merge, mergeSecond], m => Assert.True(Encoding.UTF8.GetByteCount(m.Raw) < CardBudgetBytes, $"{Encoding.UTF8.GetByteCount(m.Raw)} bytes"));
    }

    [Fact]
    public async Task StaleForgedAndDoubleVotes_AreAnsweredInDutch_AndAppliedOnce_AnonymousVotesUnderThePseudonym()
    {
        var view = await Session.StartAsync(_lead, anonymous: true, steps: ["opening"]);
        await Session.ContributeAsync(_anna, "Stroom valt uit");
        await Session.ContributeAsync(_anna, "Geen noodstroom");
        await Session.ContributeAsync(_bram, "Er is geen aggregaat");
        view = await Session.PressAsync(_lead, view, "sessionReveal");
        await Session.PressAsync(_lead, view, "sessionOpenVoting");

        // Double: the first click's data arriving again after a change does not undo the change.
        var form = await Session.OpenDialogAsync(_anna, Vote, "opening");
        Assert.Contains("niemand ziet hoe u stemt", form.Text, StringComparison.Ordinal);
        var once = SessionConversation.DialogData(form, "Stemmen opslaan", Votes(form, ("Stroom valt uit", 1)));
        var answers = await Task.WhenAll(Session.SubmitDialogAsync(_anna, once), Session.SubmitDialogAsync(_anna, once));
        Assert.Equal(answers[0].Raw, answers[1].Raw);
        var again = await Session.PressDialogAsync(_anna, answers[0], "Stemmen aanpassen");
        await Session.PressDialogAsync(_anna, again, "Stemmen opslaan", Votes(again, ("Stroom valt uit", 0), ("Geen noodstroom", 2)));
        var repeat = await Session.SubmitDialogAsync(_anna, once);
        Assert.Equal(answers[0].Raw, repeat.Raw);
        var state = await StateAsync();
        var votes = Assert.Single(state.Votes);
        Assert.Equal((IdOf(state, "Geen noodstroom"), 2), (votes.ContributionId.ToString("N"), votes.Count));

        // Anonymous: stored under Anna's pseudonym, not her Teams id.
        Assert.Equal(Bot.Services.GetRequiredService<ContributorPseudonyms>().AuthorKey(state, _anna.Id), votes.VoterKey);
        Assert.DoesNotContain(_anna.Id, SessionStateJson.Serialize(state), StringComparison.Ordinal);

        // Forged: an unknown contribution, a negative count carried along, a merge sent by a participant, another
        // conversation's session.
        var unknown = SessionConversation.DialogData(form, "Stemmen opslaan");
        unknown["votes"] = new JsonObject { [Guid.NewGuid().ToString("N")] = 1 };
        Assert.Equal("Die bijdrage bestaat niet meer.", (await Session.SubmitDialogAsync(_bram, unknown)).Line);
        var negative = SessionConversation.DialogData(form, "Stemmen opslaan");
        negative["votes"] = new JsonObject { [IdOf(state, "Stroom valt uit")] = -2 };
        Assert.Contains("Vul een heel getal in, 0 of meer.", (await Session.SubmitDialogAsync(_bram, negative)).Text, StringComparison.Ordinal);
        Assert.Equal("Alleen de gespreksleider kan dit doen.", (await Session.OpenDialogAsync(_anna, Merge, "opening")).Line);
        var leadMerge = SessionConversation.DialogData(await Session.PressDialogAsync(_lead, await Session.OpenDialogAsync(_lead, Merge, "opening"), "Volgende"), "Samenvoegen");
        Assert.Equal("Alleen de gespreksleider kan dit doen.", (await Session.SubmitDialogAsync(_anna, leadMerge)).Line);
        var other = NewChat();
        await other.StartAsync(_bram, steps: ["opening"]);
        Assert.Equal("Deze sessie bestaat niet meer.", (await Session.OpenDialogAsync(_anna, Vote, "opening", other.SessionId)).Line);
        state = await StateAsync();
        Assert.Single(state.Votes);
        Assert.Equal(3, state.CurrentStepContributions().Count);

        // Stale: the step moved on.
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        const string stepOver = "Deze stap is voorbij. Er is niets veranderd. Open het venster opnieuw vanaf de kaart in de chat.";
        Assert.Equal(stepOver, (await Session.PressDialogAsync(_bram, form, "Stemmen opslaan", Votes(form, ("Stroom valt uit", 1)))).Line);
        Assert.Equal(stepOver, (await Session.SubmitDialogAsync(_lead, leadMerge)).Line);
        Assert.Single((await StateAsync()).Votes);
    }

    private async Task SeedContributionsAsync(int count)
    {
        // Five members give twenty each (the limit per step), of the longest length, in characters that take more
        // bytes than plain letters and need escaping in JSON and Markdown.
        var service = Bot.Services.GetRequiredService<SessionService>();
        var scenario = Bot.Services.GetRequiredService<KnowledgeSearch>().Knowledge.Set.Scenario!;
        var sessionId = Guid.Parse(Session.SessionId);
        var filler = string.Concat(Enumerable.Repeat("Één “noodstroom” <b>*é*</b> \\ ", 40));
        for (var i = 0; i < count; i++)
        {
            var text = $"{i:D3} {filler}"[..SessionEngine.MaxContributionLength];
            var change = await service.ApplyAsync(new SessionRequest(sessionId, new Contribute("beeld", text), $"seed-{i % 5}"), scenario, null, CancellationToken.None);
            Assert.True(change.Decision.Accepted, change.Decision.Refusal.ToString());
        }
    }

    private SessionConversation NewChat() => new(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), CancellationToken.None))!.State;

    private static string IdOf(SessionState state, string text) => state.Contributions.Single(c => c.Text == text).Id.ToString("N");

    private static string Message(JsonObject view) => SessionConversation.Message(view);

    /// <summary>The titles of the facilitator's visible buttons (the action set with "Volgende").</summary>
    private static List<string> ControlTitles(JsonObject view) =>
        [.. Descendants(view).OfType<JsonObject>()
            .First(o => o["type"]?.GetValue<string>() == "ActionSet" && o["actions"]!.AsArray().Any(a => a!["title"]?.GetValue<string>() == "Volgende"))["actions"]!
            .AsArray().Select(a => a!["title"]!.GetValue<string>())];

    private static bool HasButton(DialogAnswer dialog, string title) =>
        Descendants(dialog.Card!).OfType<JsonObject>().Any(o => o["type"]?.GetValue<string>() == "Action.Submit" && o["title"]?.GetValue<string>() == title);

    private sealed record VoteInput(string Id, string Text, string Value);

    /// <summary>The voting inputs of a dialog page, each with the contribution text above it.</summary>
    private static List<VoteInput> VoteInputs(DialogAnswer dialog) =>
        [.. Descendants(dialog.Card ?? throw new InvalidOperationException($"The dialog closed with: {dialog.Line}")).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValue<string>() == "Container" && o["items"] is JsonArray items && items.Count == 2 && items[1]!["type"]?.GetValue<string>() == "Input.Number")
            .Select(o => new VoteInput(o["items"]![1]!["id"]!.GetValue<string>(), o["items"]![0]!["text"]!.GetValue<string>(), o["items"]![1]!["value"]!.ToString()))];

    /// <summary>What the member types into the voting inputs, by the contribution's text.</summary>
    private static JsonObject Votes(DialogAnswer dialog, params (string Text, int Count)[] votes)
    {
        var inputs = VoteInputs(dialog);
        var typed = new JsonObject();
        foreach (var (text, count) in votes)
        {
            typed[inputs.Single(i => i.Text == text).Id] = count.ToString(CultureInfo.InvariantCulture);
        }

        return typed;
    }
}
