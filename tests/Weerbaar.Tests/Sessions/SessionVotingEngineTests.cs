using Weerbaar.Core.Sessions;
using static Weerbaar.Tests.Sessions.SessionTestData;

namespace Weerbaar.Tests.Sessions;

/// <summary>Dot-voting and merging in the engine: who may do what, when, and what the results are.</summary>
public sealed class SessionVotingEngineTests
{
    private static readonly Scenario TestScenario = SessionTestData.Scenario;
    private static readonly DateOnly Date = new(2026, 11, 28);

    /// <summary>The "stroom" step with three contributions (Anna two, Bram one), shown to the group.</summary>
    private static SessionState Revealed(bool anonymous = false)
    {
        var state = At(Start(anonymous: anonymous), "stroom");
        state = Apply(state, new Contribute("stroom-1", "Geen noodstroom."), Anna);
        state = Apply(state, new Contribute("stroom-2", "Telefoons vallen uit."), Anna);
        state = Apply(state, new Contribute("stroom-1", "Er is geen noodaggregaat."), Bram);
        return Apply(state, new RevealContributions());
    }

    private static SessionState VotingOpen() => Apply(Revealed(), new OpenVoting());

    private static Guid Id(SessionState state, string text) => state.Contributions.Single(c => c.Text == text).Id;

    private static CastVotes Votes(params (Guid Id, int Count)[] votes) => new(votes.ToDictionary(v => v.Id, v => v.Count));

    private static SessionDecision DecideWith(SessionState state, SessionCommand command, string actor, SessionLimits limits) =>
        SessionEngine.Decide(state, command, actor, TestScenario, T0, limits: limits);

    private static void AssertRefused(SessionState before, SessionDecision decision, SessionRefusal expected)
    {
        Assert.Equal(expected, decision.Refusal);
        Assert.Same(before, decision.State);
    }

    [Fact]
    public void OpenVoting_BeforeTheContributionsAreShown_IsRefused()
    {
        var state = Apply(At(Start(), "stroom"), new Contribute("stroom-1", "Geen noodstroom."), Anna);

        AssertRefused(state, Decide(state, new OpenVoting()), SessionRefusal.NotRevealed);
    }

    [Fact]
    public void OpenVoting_ByAParticipant_IsRefused()
    {
        var state = Revealed();

        AssertRefused(state, Decide(state, new OpenVoting(), Anna), SessionRefusal.NotFacilitator);
    }

    [Fact]
    public void OpenVoting_WithoutContributions_IsRefused()
    {
        var state = Apply(At(Start(), "stroom"), new RevealContributions());

        AssertRefused(state, Decide(state, new OpenVoting()), SessionRefusal.NothingToVoteOn);
    }

    [Fact]
    public void OpenVoting_AfterTheReveal_OpensTheCurrentStepsRoundAndRedrawsTheSharedCard()
    {
        var decision = Decide(Revealed(), new OpenVoting());

        Assert.True(decision.Accepted);
        Assert.True(decision.SharedCardChanged);
        Assert.True(decision.State.IsVotingOpen());
        AssertRefused(decision.State, Decide(decision.State, new OpenVoting()), SessionRefusal.VotingAlreadyOpen);
    }

    [Fact]
    public void CastVotes_WhileNoRoundIsOpen_IsRefused()
    {
        var state = Revealed();

        AssertRefused(state, Decide(state, Votes((Id(state, "Geen noodstroom."), 1)), Anna), SessionRefusal.VotingNotOpen);
    }

    [Fact]
    public void CastVotes_MoreThanTheSetting_IsRefused_AndUpToItIsAccepted()
    {
        var state = VotingOpen();
        var one = Id(state, "Geen noodstroom.");
        var two = Id(state, "Telefoons vallen uit.");

        AssertRefused(state, Decide(state, Votes((one, 3), (two, 1)), Cees), SessionRefusal.TooManyVotes);
        Assert.True(Decide(state, Votes((one, 2), (two, 1)), Cees).Accepted);

        var five = new SessionLimits(20, 200, VotesPerParticipant: 5);
        Assert.True(DecideWith(state, Votes((one, 4), (two, 1)), Cees, five).Accepted);
        AssertRefused(state, DecideWith(state, Votes((one, 6)), Cees, five), SessionRefusal.TooManyVotes);
    }

    [Fact]
    public void CastVotes_ForAnUnknownContribution_IsRefused()
    {
        var state = VotingOpen();

        AssertRefused(state, Decide(state, Votes((Guid.NewGuid(), 1)), Cees), SessionRefusal.NoSuchContribution);
    }

    [Fact]
    public void CastVotes_ANegativeCount_IsRefused()
    {
        var state = VotingOpen();

        AssertRefused(state, Decide(state, Votes((Id(state, "Geen noodstroom."), -1), (Id(state, "Telefoons vallen uit."), 3)), Cees), SessionRefusal.InvalidValue);
    }

    [Fact]
    public void CastVotes_ForAContributionOfAnotherStep_IsRefused()
    {
        var state = Apply(At(Start(), "waarom"), new Contribute("waarom-1", "Omdat het kan."), Anna);
        var earlier = Id(state, "Omdat het kan.");
        state = Apply(Apply(At(state, "stroom"), new Contribute("stroom-1", "Geen noodstroom."), Anna), new RevealContributions());
        state = Apply(state, new OpenVoting());

        AssertRefused(state, Decide(state, Votes((earlier, 1)), Cees), SessionRefusal.NotInThisStep);
    }

    [Fact]
    public void CastVotes_Again_ReplacesTheMembersEarlierVotes_WithoutRedrawingTheSharedCard()
    {
        var state = VotingOpen();
        var one = Id(state, "Geen noodstroom.");
        var two = Id(state, "Telefoons vallen uit.");
        state = Apply(state, Votes((one, 3)), Anna);
        state = Apply(state, Votes((one, 1)), Bram);

        var decision = Decide(state, Votes((two, 2), (one, 1)), Anna);

        Assert.True(decision.Accepted);
        Assert.False(decision.SharedCardChanged);
        Assert.Equal(new Dictionary<Guid, int> { [one] = 1, [two] = 2 }, decision.State.VotesOf("stroom", Anna));
        // A tie keeps the order the contributions were made in.
        Assert.Equal([(one, 2), (two, 2)], decision.State.VoteResults("stroom").Select(r => (r.Contribution.Id, r.Votes)));
    }

    [Fact]
    public void CloseVoting_EndsTheRound_ResultsMostVotesFirst_AndLaterVotesAreRefused()
    {
        var state = VotingOpen();
        var one = Id(state, "Geen noodstroom.");
        var three = Id(state, "Er is geen noodaggregaat.");
        state = Apply(state, Votes((three, 2), (one, 1)), Anna);
        state = Apply(state, Votes((three, 1)), Bram);

        AssertRefused(state, Decide(state, new CloseVoting(), Anna), SessionRefusal.NotFacilitator);
        var decision = Decide(state, new CloseVoting());

        Assert.True(decision.SharedCardChanged);
        Assert.False(decision.State.IsVotingOpen());
        Assert.Contains("stroom", decision.State.VotedSteps);
        Assert.Equal([("Er is geen noodaggregaat.", 3), ("Geen noodstroom.", 1)], decision.State.VoteResults("stroom").Select(r => (r.Contribution.Text, r.Votes)));
        AssertRefused(decision.State, Decide(decision.State, Votes((one, 1)), Cees), SessionRefusal.VotingNotOpen);
        AssertRefused(decision.State, Decide(decision.State, new CloseVoting()), SessionRefusal.VotingNotOpen);
    }

    [Fact]
    public void NextStep_WithARoundOpen_ClosesItAndKeepsItsResults()
    {
        var state = VotingOpen();
        state = Apply(state, Votes((Id(state, "Geen noodstroom."), 2)), Anna);

        state = Apply(state, new NextStep());

        Assert.Null(state.VotingStepId);
        Assert.Contains("stroom", state.VotedSteps);
        Assert.Equal(2, state.VoteResults("stroom").Single().Votes);
    }

    [Fact]
    public void Merge_AddsTheVotesUp_HidesTheMergedOne_AndKeepsItsText()
    {
        var state = VotingOpen();
        var kept = Id(state, "Geen noodstroom.");
        var merged = Id(state, "Er is geen noodaggregaat.");
        state = Apply(state, Votes((kept, 1), (merged, 2)), Anna);
        state = Apply(state, Votes((merged, 1)), Bram);

        var decision = Decide(state, new MergeContributions(kept, merged));

        Assert.True(decision.SharedCardChanged);
        var after = decision.State;
        Assert.DoesNotContain(after.ContributionsOf("stroom"), c => c.Id == merged);
        Assert.Equal(["Er is geen noodaggregaat."], after.MergedInto(kept).Select(c => c.Text));
        Assert.Equal((kept, 4), after.VoteResults("stroom").Select(r => (r.Contribution.Id, r.Votes)).Single());

        // Anna's votes for both now count for the kept one: her total is still three.
        Assert.Equal(new Dictionary<Guid, int> { [kept] = 3 }, after.VotesOf("stroom", Anna));
        AssertRefused(after, Decide(after, Votes((merged, 1)), Cees), SessionRefusal.NoSuchContribution);
        AssertRefused(after, Decide(after, new MergeContributions(kept, merged)), SessionRefusal.NoSuchContribution);
        AssertRefused(after, Decide(after, new EditContribution(merged, "Anders."), Bram), SessionRefusal.NoSuchContribution);
    }

    [Fact]
    public void Merge_BadCases_AreRefused()
    {
        var state = Apply(At(Start(), "waarom"), new Contribute("waarom-1", "Omdat het kan."), Anna);
        var earlier = Id(state, "Omdat het kan.");
        state = At(state, "stroom");
        state = Apply(state, new Contribute("stroom-1", "Geen noodstroom."), Anna);
        state = Apply(state, new Contribute("stroom-1", "Geen aggregaat."), Bram);
        var one = Id(state, "Geen noodstroom.");
        var two = Id(state, "Geen aggregaat.");

        AssertRefused(state, Decide(state, new MergeContributions(one, two), Anna), SessionRefusal.NotFacilitator);
        AssertRefused(state, Decide(state, new MergeContributions(one, one)), SessionRefusal.SameContribution);
        AssertRefused(state, Decide(state, new MergeContributions(one, Guid.NewGuid())), SessionRefusal.NoSuchContribution);
        AssertRefused(state, Decide(state, new MergeContributions(one, earlier)), SessionRefusal.NotInThisStep);
    }

    [Fact]
    public void Withdraw_TakesTheContributionsVotesAlong_AndWhatWasMergedIntoItComesBack()
    {
        var state = VotingOpen();
        var kept = Id(state, "Geen noodstroom.");
        var merged = Id(state, "Er is geen noodaggregaat.");
        state = Apply(state, Votes((kept, 2)), Bram);
        state = Apply(state, new MergeContributions(kept, merged));

        state = Apply(state, new WithdrawContribution(kept), Anna);

        Assert.Empty(state.VoteResults("stroom"));
        Assert.Contains(state.ContributionsOf("stroom"), c => c.Id == merged);
    }

    [Fact]
    public void StoredState_WithVotesAndAMerge_ReadsBackTheSame_AndAStateFromBeforeVotingHasNone()
    {
        var state = VotingOpen();
        var kept = Id(state, "Geen noodstroom.");
        state = Apply(state, Votes((kept, 2)), Anna);
        state = Apply(state, new MergeContributions(kept, Id(state, "Er is geen noodaggregaat.")));

        var read = SessionStateJson.Deserialize(SessionStateJson.Serialize(state));

        Assert.Equal("stroom", read.VotingStepId);
        Assert.Equal(state.Votes, read.Votes);
        Assert.Single(read.MergedInto(kept));

        var old = System.Text.Json.Nodes.JsonNode.Parse(SessionStateJson.Serialize(Revealed()))!.AsObject();
        old.Remove("votingStepId");
        old.Remove("votedSteps");
        old.Remove("votes");
        var fromBefore = SessionStateJson.Deserialize(old.ToJsonString());
        Assert.Empty(fromBefore.Votes);
        Assert.Empty(fromBefore.VotedSteps);
        Assert.False(fromBefore.IsVotingOpen());
    }

    [Fact]
    public void Report_ListsTheMostVotedPerStepWithCounts_AndTheMergedTextUnderTheKeptOne()
    {
        var state = VotingOpen();
        var kept = Id(state, "Geen noodstroom.");
        var merged = Id(state, "Er is geen noodaggregaat.");
        state = Apply(state, Votes((kept, 2), (Id(state, "Telefoons vallen uit."), 1)), Anna);
        state = Apply(state, Votes((merged, 3)), Bram);
        state = Apply(Apply(state, new MergeContributions(kept, merged)), new CloseVoting());

        var markdown = SessionReport.Markdown(state, TestScenario, Date);
        var html = SessionReport.Html(state, TestScenario, Date);

        Assert.Contains("**Meeste stemmen**\n\n- 5 stemmen: Geen noodstroom.\n- 1 stem: Telefoons vallen uit.", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  - Samengevoegd hiermee: Er is geen noodaggregaat.", markdown, StringComparison.Ordinal);
        Assert.Contains("<h3>Meeste stemmen</h3><ol><li><strong>5 stemmen</strong>: Geen noodstroom.</li><li><strong>1 stem</strong>: Telefoons vallen uit.</li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Samengevoegd hiermee: Er is geen noodaggregaat.</li>", html, StringComparison.Ordinal);

        var docx = SessionWordReport.Build(state, TestScenario, Date);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false))
        {
            var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        var word = ReportDownload.WordParagraphs(docx);
        var top = word.ToList().IndexOf("Meeste stemmen");
        Assert.True(top >= 0, string.Join("\n", word));
        Assert.Equal(["• 5 stemmen: Geen noodstroom.", "• 1 stem: Telefoons vallen uit."], word.Skip(top + 1).Take(2));
        Assert.Contains("– Samengevoegd hiermee: Er is geen noodaggregaat.", word);
    }

    [Fact]
    public void WordReport_WithoutVotes_HasNoMostVotedSection()
    {
        var word = ReportDownload.WordParagraphs(SessionWordReport.Build(Revealed(), TestScenario, Date));

        Assert.DoesNotContain("Meeste stemmen", word);
        Assert.Contains("• Geen noodstroom.", word);
    }
}
