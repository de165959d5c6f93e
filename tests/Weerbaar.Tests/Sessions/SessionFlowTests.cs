using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// A gesprekstool session over HTTP in one group chat with a facilitator and two participants (different Teams
/// users), from the setup card to the report — and the robustness cases: refusals, double clicks, stale cards,
/// simultaneous clicks, throttling and a restart.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class SessionFlowTests : LocalBotTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task WholeSession_WithAFacilitatorAndTwoParticipants_EndsWithAReportHoldingEveryContributionAndAgreement()
    {
        var view = await Session.StartAsync(_lead);
        Assert.Contains("u bent gespreksleider", TextOf(view), StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        var contributions = new List<string>();
        for (var step = 1; step <= 9; step++)
        {
            foreach (var (user, who) in new[] { (_anna, "Anna"), (_bram, "Bram") })
            {
                // The agreements step's card asks for agreements only; a contribution there is typed in the chat.
                var text = $"Bijdrage van {who} bij stap {step}";
                var answer = step < 9
                    ? TextOf(await Session.ContributeAsync(user, text))
                    : (await Session.SendAsync(Session.Chat.Message(user, "bijdrage: " + text)))["text"]!.GetValue<string>();
                Assert.Contains("Uw bijdrage is opgeslagen", answer, StringComparison.Ordinal);
                contributions.Add(text);
            }

            view = await Session.ViewAsync(_lead);
            if (step < 9)
            {
                view = await Session.PressAsync(_lead, view, "sessionNext");
                Assert.Contains($"Stap {step + 1} van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);
            }
        }

        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroomplan bijwerken",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("De afspraak is toegevoegd", TextOf(view), StringComparison.Ordinal);
        await Session.PressAsync(_lead, view, "sessionComplete");

        var report = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        Assert.Contains("18 bijdragen, 1 afspraak", TextOf(report), StringComparison.Ordinal);
        var markdownUrl = report["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>();
        using var client = Bot.CreateClient();
        var markdown = await client.GetStringAsync(new Uri(markdownUrl).PathAndQuery);
        Assert.All(contributions, text => Assert.Contains(text, markdown, StringComparison.Ordinal));
        Assert.Contains("Noodstroomplan bijwerken — facilitair manager", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Fenna", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FacilitatorExtendsPausesAndTags_TheSharedCardFollows_AndTheReportListsTheTaggedContribution()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        var endsAt = EndTime();

        view = await Session.PressAsync(_lead, view, "sessionExtend");
        Assert.Equal(endsAt.AddMinutes(5), EndTime());

        view = await Session.PressAsync(_lead, view, "sessionPause");
        Assert.Contains("De sessie is gepauzeerd.", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        view = await Session.PressAsync(_lead, view, "sessionResume");
        Assert.Contains("Deze stap eindigt om", TextOf(Session.SharedCard()), StringComparison.Ordinal);

        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        await Session.ContributeAsync(_bram, "Wij kunnen koffie schenken");
        view = await Session.ViewAsync(_lead);
        var tagged = await Session.PressAsync(_lead, view, "sessionTag", d => d["tag"]!.GetValue<string>() == "Kwetsbaarheid");
        Assert.Contains("Kwetsbaarheid", TextOf(tagged), StringComparison.Ordinal);

        view = await Session.PressAsync(_lead, tagged, "sessionNext");
        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroom regelen",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await Session.PressAsync(_lead, view, "sessionComplete");

        var report = TextOf(CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true)));
        Assert.Contains("Kwetsbaarheid: Wij hebben geen noodstroom", report, StringComparison.Ordinal);
        Assert.DoesNotContain("koffie", report, StringComparison.Ordinal);
    }

    private TimeOnly EndTime() =>
        TimeOnly.ParseExact(
            System.Text.RegularExpressions.Regex.Match(TextOf(Session.SharedCard()), @"eindigt om (\d{2}:\d{2})").Groups[1].Value,
            "HH:mm",
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ParticipantPressingAFacilitatorButton_IsRefused_AndTheStepStays()
    {
        var leadView = await Session.StartAsync(_lead);

        var response = await Session.PressAsync(_anna, leadView, "sessionNext");

        Assert.Contains("Alleen de gespreksleider kan dit doen", TextOf(response), StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Calls, c => c.Kind == ConnectorCallKind.Update);
    }

    [Fact]
    public async Task DoubleClickOnSend_StoresTheContributionOnce_AndAnswersWithTheIdenticalCard()
    {
        await Session.StartAsync(_lead);
        var view = await Session.ViewAsync(_anna);
        var question = ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionContribute")!["data"]!["question"]!.GetValue<string>();
        var inputs = new JsonObject { ["answer_" + question] = "Eén keer bedoeld" };

        var first = await Session.PressAsync(_anna, view, "sessionContribute", inputs: inputs);
        var second = await Session.PressAsync(_anna, view, "sessionContribute", inputs: inputs);

        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(first), StringComparison.Ordinal);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        var state = await StateAsync();
        Assert.Single(state.Contributions);
    }

    [Fact]
    public async Task ButtonOnAnOldStepsCard_SaysTheStepIsOver_AndShowsTheCurrentStep()
    {
        var leadView = await Session.StartAsync(_lead);
        var oldView = await Session.ViewAsync(_anna);
        await Session.PressAsync(_lead, leadView, "sessionNext");

        var response = await Session.PressAsync(_anna, oldView, "sessionReady");

        Assert.Contains("Deze stap is voorbij", TextOf(response), StringComparison.Ordinal);
        Assert.Contains("Stap 2 van 9", TextOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoNextClicksAtTheSameMoment_AdvanceOneStep()
    {
        var leadView = await Session.StartAsync(_lead);
        var again = await Session.ViewAsync(_lead);

        await Task.WhenAll(Session.PressAsync(_lead, leadView, "sessionNext"), Session.PressAsync(_lead, again, "sessionNext"));

        Assert.Equal(1, (await StateAsync()).StepIndex);
    }

    [Fact]
    public async Task SharedCard_IsUpdatedOnStepChanges_NeverOnContributions()
    {
        var leadView = await Session.StartAsync(_lead);

        await Session.ContributeAsync(_anna, "Een bijdrage");
        await Session.ContributeAsync(_bram, "Nog een bijdrage");
        Assert.DoesNotContain(Connector.Calls, c => c.Kind == ConnectorCallKind.Update);

        await Session.PressAsync(_lead, leadView, "sessionNext");
        Assert.Single(Connector.Calls, c => c.Kind == ConnectorCallKind.Update);
    }

    [Fact]
    public async Task ThrottledSharedCardUpdate_WaitsForRetryAfter_AndSucceeds()
    {
        var leadView = await Session.StartAsync(_lead);
        Connector.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));

        await Session.PressAsync(_lead, leadView, "sessionNext");

        Assert.Equal([429, 200], Connector.Calls.Where(c => c.Kind == ConnectorCallKind.Update).Select(c => c.AnsweredStatus));
        Assert.Contains("Stap 2 van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedCardThatStaysThrottled_CostsABoundedNumberOfCalls_AndTheStepStillChanges()
    {
        var leadView = await Session.StartAsync(_lead);
        Connector.FailNext(30, HttpStatusCode.TooManyRequests, TimeSpan.Zero);

        leadView = await Session.PressAsync(_lead, leadView, "sessionNext");

        // One retry policy (the connector's: Bot:ThrottleRetries = 3) — not a retry loop around a retry loop.
        Assert.Equal(4, Connector.Calls.Count(c => c.Kind == ConnectorCallKind.Update));
        Assert.Contains("Stap 2 van 9", TextOf(leadView), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepChanges_WhenTeamsAnswersTheCardUpdateWithWhatCannotBeRead()
    {
        var leadView = await Session.StartAsync(_lead);
        Connector.UpdateBody = "<html>niet wat Teams stuurt";

        leadView = await Session.PressAsync(_lead, leadView, "sessionNext");

        Assert.Contains("Stap 2 van 9", TextOf(leadView), StringComparison.Ordinal);
        Assert.DoesNotContain("ging bij mij iets mis", TextOf(leadView), StringComparison.Ordinal);
        Assert.Contains("Stap 2 van 9", TextOf(await Session.ViewAsync(_anna)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousSession_KeepsNamesAndIdsOutOfCardsReportsAndLogs_AndRefusesTypedContributions()
    {
        foreach (var member in new[] { _lead, _anna, _bram })
        {
            Connector.Members[member.Id] = member.Name;
        }

        var leadView = await Session.StartAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);
        foreach (var user in new[] { _anna, _bram, _lead })
        {
            await Session.ContributeAsync(user, "Anonieme bijdrage");
        }

        var typed = await Session.SendAsync(Session.Chat.Message(_anna, "bijdrage: mijn naam staat erbij"));
        Assert.Contains("Deze sessie is anoniem", typed["text"]!.GetValue<string>(), StringComparison.Ordinal);

        leadView = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionReveal");
        leadView = await Session.PressAsync(_lead, leadView, "sessionNext");
        leadView = await Session.PressAsync(_lead, leadView, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Oefening plannen",
            ["agreementOwner"] = "crisiscoördinator",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await Session.PressAsync(_lead, leadView, "sessionComplete");

        // What people see: the text and cards the bot sent (the protocol envelope names the addressee, as every reply does).
        var everything = string.Join("\n", Connector.Calls.Where(c => c.Activity is not null)
            .Select(c => (c.Activity!["text"]?.ToJsonString() ?? string.Empty) + (c.Activity["attachments"]?.ToJsonString() ?? string.Empty)));

        // The full reports behind the report card's links, and everything the bot logged.
        var report = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        using var client = Bot.CreateClient();
        foreach (var link in report["actions"]!.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl"))
        {
            everything += await ReportDownload.ReadAsync(client, link!["url"]!.GetValue<string>());
        }

        Assert.Contains("Anonieme bijdrage", everything, StringComparison.Ordinal);
        Assert.Contains(Bot.Logs.Entries, entry => entry.Contains("sessionContribute accepted", StringComparison.Ordinal));
        everything += string.Join("\n", Bot.Logs.Entries);
        foreach (var user in new[] { _anna, _bram })
        {
            Assert.DoesNotContain(user.Name, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(user.Id, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(user.AadObjectId, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TakeOver_IsRefusedWhileTheFacilitatorIsHere_AndAllowedOnceTheyLeft()
    {
        Connector.Members[_lead.Id] = _lead.Name;
        await Session.StartAsync(_lead);

        var refused = await Session.PressAsync(_anna, await Session.ViewAsync(_anna), "sessionTakeOver");
        Assert.Contains("De gespreksleider is nog in dit gesprek", TextOf(refused), StringComparison.Ordinal);

        Connector.Members.TryRemove(_lead.Id, out _);
        var taken = await Session.PressAsync(_anna, await Session.ViewAsync(_anna), "sessionTakeOver");
        Assert.Contains("U bent nu de gespreksleider", TextOf(taken), StringComparison.Ordinal);
        Assert.Contains("u bent gespreksleider", TextOf(taken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task TakeOver_WhenTeamsCannotSayWhetherTheFacilitatorIsHere_WaitsWithADutchLine_AndNothingChanges(HttpStatusCode lookupFailure)
    {
        await Session.StartAsync(_lead);
        var view = await Session.ViewAsync(_anna);

        Connector.FailNext(1, lookupFailure);
        var pressed = await Session.InvokeCardAsync(_anna, "sessionTakeOver", (JsonObject)ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionTakeOver")!["data"]!.DeepClone());
        Connector.FailNext(1, lookupFailure);
        var typed = await Session.SendAsync(Session.Chat.Message(_anna, "overnemen"));

        Assert.Contains("Ik kan nu niet nagaan of de gespreksleider nog in dit gesprek is", SessionConversation.Message(pressed), StringComparison.Ordinal);
        Assert.Contains("Ik kan nu niet nagaan of de gespreksleider nog in dit gesprek is", typed["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("u bent gespreksleider", TextOf(await Session.ViewAsync(_lead)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCommands_MoveTheSessionAndShowItsStatus()
    {
        await Session.StartAsync(_lead);

        var response = await Bot.PostActivityAsync(Session.Chat.Message(_lead, "volgende"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await Session.SendAsync(Session.Chat.Message(_anna, "status"));

        Assert.StartsWith("Stap 2 van 9.", status["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var refused = await Session.SendAsync(Session.Chat.Message(_anna, "vorige"));
        Assert.Contains("Alleen de gespreksleider", refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletingWithoutAnAgreement_IsRefused()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        view = await Session.PressAsync(_lead, view, "sessionNext");

        var response = await Session.PressAsync(_lead, view, "sessionComplete");

        Assert.Contains("Leg eerst ten minste één afspraak vast", TextOf(response), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Running, (await StateAsync()).Status);
    }

    [Fact]
    public async Task Participant_EditsTheirOwnContribution_AndCannotEditSomeoneElses()
    {
        await Session.StartAsync(_lead);
        var view = await Session.ContributeAsync(_anna, "Eerste versie");
        var edit = ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionEdit")!["data"]!.AsObject();
        var inputId = "edit_" + Guid.Parse(edit["contribution"]!.GetValue<string>()).ToString("N");

        var edited = await Session.PressAsync(_anna, view, "sessionEdit", inputs: new JsonObject { [inputId] = "Verbeterde versie" });
        var stolen = await Session.PressAsync(_bram, view, "sessionEdit", inputs: new JsonObject { [inputId] = "Overschreven" });

        Assert.Contains("Uw bijdrage is aangepast", TextOf(edited), StringComparison.Ordinal);
        Assert.Contains("U kunt alleen uw eigen bijdragen aanpassen", TextOf(stolen), StringComparison.Ordinal);
        Assert.Equal(["Verbeterde versie"], (await StateAsync()).Contributions.Select(c => c.Text));
    }

    [Fact]
    public async Task ManyContributions_AreSummarisedOnTheCard_AndTheFacilitatorCanPostThemAll()
    {
        await Session.StartAsync(_lead);
        for (var i = 1; i <= 18; i++)
        {
            await Session.ContributeAsync(i % 2 == 0 ? _anna : _bram, $"Bijdrage nummer {i}");
        }

        var view = await Session.ViewAsync(_lead);
        Assert.Contains("En nog 3 bijdragen.", TextOf(view), StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(view.ToJsonString()) < 21 * 1024);

        var before = Connector.SentActivities.Count;
        await Session.PressAsync(_lead, view, "sessionShowAll");
        var posted = string.Join("\n", Connector.SentActivities.Skip(before).Select(a => a["text"]!.GetValue<string>()));
        Assert.All(Enumerable.Range(1, 18), i => Assert.Contains($"Bijdrage nummer {i}\n", posted + "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SharedCard_RefreshesTheViewsOfTheFacilitatorAndParticipants_InASessionThatIsNotAnonymous()
    {
        foreach (var member in new[] { _lead, _anna, _bram })
        {
            Connector.Members[member.Id] = member.Name;
        }

        var view = await Session.StartAsync(_lead);
        AssertRefreshes(_lead, _anna, _bram);
        Assert.Equal("sessionView", Session.SharedCard()["refresh"]!["action"]!["verb"]!.GetValue<string>());

        // Bram, who has not said anything yet, is among them: Teams asks for his own view as soon as he sees the card.
        Assert.Contains("Stap 1 van 9 · u bent deelnemer", TextOf(await Session.ViewAsync(_bram)), StringComparison.Ordinal);

        await Session.ContributeAsync(_anna, "Ik doe mee");
        await Session.PressAsync(_lead, view, "sessionNext");
        AssertRefreshes(_lead, _anna, _bram);
    }

    [Fact]
    public async Task SharedCard_WithoutTheRoster_StillRefreshesTheFacilitatorAndThoseWhoTookPart()
    {
        Connector.RosterUnavailable = true;
        var view = await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Ik doe mee");

        await Session.PressAsync(_lead, view, "sessionNext");

        Assert.Contains("Stap 2 van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        AssertRefreshes(_lead, _anna);
    }

    [Theory]
    [InlineData("{\"members\": \"geen lijst\"}")]
    [InlineData("[1, 2")]
    public async Task SessionStarts_WhenTheRosterAnswersWhatCannotBeRead(string body)
    {
        // The roster only widens who gets their own view; a reply that cannot be read must not stop the session.
        Connector.RosterBody = body;

        var view = await Session.StartAsync(_lead);

        Assert.Contains("Stap 1 van 9", TextOf(Session.SharedCard()), StringComparison.Ordinal);
        Assert.DoesNotContain("ging bij mij iets mis", TextOf(view), StringComparison.Ordinal);
        AssertRefreshes(_lead);
    }

    // The facilitator comes first, so Teams' limit of 60 never leaves them out; the order of the others does not matter.
    private void AssertRefreshes(TeamsUser facilitator, params TeamsUser[] others)
    {
        var userIds = Session.SharedCard()["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        Assert.Equal(facilitator.Id, userIds[0]);
        Assert.Equal(others.Select(o => o.Id).Order(StringComparer.Ordinal), userIds.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HandOverWithAMention_MakesTheMentionedMemberFacilitator()
    {
        await Session.StartAsync(_lead);
        var handOver = Session.Chat.Message(_lead, "overdragen <at>Anna Ambtenaar</at>");
        handOver["entities"]!.AsArray().Add(new JsonObject { ["type"] = "mention", ["text"] = "<at>Anna Ambtenaar</at>", ["mentioned"] = new JsonObject { ["id"] = _anna.Id, ["name"] = _anna.Name } });

        var reply = await Session.SendAsync(handOver);

        Assert.Contains("overgedragen", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(_anna.Id, (await StateAsync()).FacilitatorKey);
        Assert.Contains("u bent gespreksleider", TextOf(await Session.ViewAsync(_anna)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownReportLink_Gets404WithADutchMessage()
    {
        using var client = Bot.CreateClient();

        var response = await client.GetAsync("/sessies/verslag/bestaatnietbestaatniet1234.html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Dit verslag bestaat niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), CancellationToken.None))!.State;
}
