using Weerbaar.Core.Sessions;

namespace Weerbaar.Tests.Sessions;

/// <summary>A small scenario of our own, so the engine's tests do not move when the real content changes.</summary>
public static class SessionTestData
{
    public const string Facilitator = "facilitator";
    public const string Anna = "anna";
    public const string Bram = "bram";
    public const string Cees = "cees";

    public static IReadOnlyList<string> Actors { get; } = [Facilitator, Anna, Bram, Cees];

    /// <summary>A Saturday morning, UTC.</summary>
    public static DateTimeOffset T0 { get; } = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Six steps whose suggested minutes add up to 80.</summary>
    public static Scenario Scenario { get; } = new(
        "test",
        "Testscenario",
        "Eigen bewerking voor tests.",
        [],
        new DateOnly(2026, 11, 1),
        [
            Step("opening", ScenarioPart.Opening, 10, "opening-1"),
            Step("waarom", ScenarioPart.Waarom, 5, "waarom-1"),
            Step("stroom", ScenarioPart.Scenario, 20, "stroom-1", "stroom-2"),
            Step("water", ScenarioPart.Scenario, 20, "water-1"),
            Step("bijdrage", ScenarioPart.Bijdrage, 15, "bijdrage-1"),
            Step("afspraken", ScenarioPart.Afspraken, 10, "afspraken-1"),
        ]);

    public static IReadOnlyList<string> AllStepIds { get; } = [.. Scenario.Steps.Select(s => s.Id)];

    public static ScenarioStep Step(string id, ScenarioPart part, int minutes, params string[] questionIds) => new(
        id,
        part,
        $"Stap {id}",
        minutes,
        $"Situatie bij {id}.",
        [],
        [.. questionIds.Select(q => new ScenarioQuestion(q, $"Vraag {q}?", new Dictionary<OrganisationKind, string>()))],
        [],
        []);

    public static SessionSettings Settings(IReadOnlyList<string>? stepIds = null, int totalMinutes = 90, bool anonymous = false) =>
        new("Gemeente Teststad", OrganisationKind.Gemeente, stepIds ?? AllStepIds, totalMinutes, anonymous);

    public static SessionState Start(IReadOnlyList<string>? stepIds = null, int totalMinutes = 90, bool anonymous = false) =>
        SessionEngine.Start(Guid.Parse("6f1c1d7e-2d4f-4b8e-9a51-0c2b7e0d9a11"), Settings(stepIds, totalMinutes, anonymous), Facilitator, Scenario, T0);

    public static SessionDecision Decide(SessionState state, SessionCommand command, string actor = Facilitator, DateTimeOffset? now = null) =>
        SessionEngine.Decide(state, command, actor, Scenario, now ?? T0);

    /// <summary>Decides and insists the command is accepted, for arranging a test.</summary>
    public static SessionState Apply(SessionState state, SessionCommand command, string actor = Facilitator, DateTimeOffset? now = null)
    {
        var decision = Decide(state, command, actor, now);
        Assert.Equal(SessionRefusal.None, decision.Refusal);
        return decision.State;
    }

    public static SessionState At(SessionState state, string stepId)
    {
        while (state.CurrentStepId != stepId)
        {
            state = Apply(state, new NextStep());
        }

        return state;
    }
}

public sealed class SessionEngineTests
{
    private const string Facilitator = SessionTestData.Facilitator;
    private const string Anna = SessionTestData.Anna;
    private const string Bram = SessionTestData.Bram;
    private const string Cees = SessionTestData.Cees;
    private static readonly DateTimeOffset T0 = SessionTestData.T0;
    private static readonly Scenario Scenario = SessionTestData.Scenario;

    private static SessionState Start(IReadOnlyList<string>? stepIds = null, int totalMinutes = 90, bool anonymous = false) =>
        SessionTestData.Start(stepIds, totalMinutes, anonymous);

    private static SessionDecision Decide(SessionState state, SessionCommand command, string actor = Facilitator, DateTimeOffset? now = null) =>
        SessionTestData.Decide(state, command, actor, now);

    private static SessionState Apply(SessionState state, SessionCommand command, string actor = Facilitator, DateTimeOffset? now = null) =>
        SessionTestData.Apply(state, command, actor, now);

    private static void AssertRefused(SessionState before, SessionDecision decision, SessionRefusal expected)
    {
        Assert.Equal(expected, decision.Refusal);
        Assert.False(decision.Accepted);
        Assert.False(decision.SharedCardChanged);
        Assert.Same(before, decision.State);
    }

    private static Guid ContributionId(SessionState state) => state.Contributions[^1].Id;

    /// <summary>One command of each kind, by a name xunit can show and serialize.</summary>
    private static SessionCommand Command(string name, SessionState state) => name switch
    {
        "next" => new NextStep(),
        "previous" => new PreviousStep(),
        "pause" => new PauseSession(),
        "resume" => new ResumeSession(),
        "extend" => new ExtendStep(5),
        "reveal" => new RevealContributions(),
        "tag" => new TagContribution(state.Contributions.Count > 0 ? state.Contributions[0].Id : Guid.Empty, ContributionTag.Actie),
        "agreement" => new AddAgreement("Noodstroom testen", "Facilitair manager", DateOnly.FromDateTime(T0.UtcDateTime).AddDays(30)),
        "complete" => new Complete(),
        "cancel" => new Cancel(),
        "handOver" => new HandOver(Anna),
        "takeOver" => new TakeOver(FacilitatorHasLeft: true),
        "contribute" => new Contribute("opening-1", "Wij hebben geen noodstroom."),
        "edit" => new EditContribution(state.Contributions.Count > 0 ? state.Contributions[0].Id : Guid.Empty, "Aangepast."),
        "withdraw" => new WithdrawContribution(state.Contributions.Count > 0 ? state.Contributions[0].Id : Guid.Empty),
        "ready" => new MarkReady(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static TheoryData<string> AllCommandNames => new(
        "next", "previous", "pause", "resume", "extend", "reveal", "tag", "agreement", "complete", "cancel",
        "handOver", "takeOver", "contribute", "edit", "withdraw", "ready");

    public static TheoryData<string> FacilitatorCommandNames => new(
        "next", "previous", "pause", "resume", "extend", "reveal", "tag", "agreement", "complete", "cancel", "handOver");

    // ---- Start ----

    [Fact]
    public void Start_ValidSettings_RunsAtTheFirstStepWithItsScaledTime()
    {
        var state = Start(totalMinutes: 120);

        Assert.Equal(SessionStatus.Running, state.Status);
        Assert.Equal(0, state.StepIndex);
        Assert.Equal("opening", state.CurrentStepId);
        Assert.Equal(Facilitator, state.FacilitatorKey);
        Assert.Equal(T0, state.StepStartedAt);
        Assert.Equal(T0.AddMinutes(15), state.StepEndsAt);
        Assert.Null(state.RemainingWhenPaused);
        Assert.Empty(state.Contributions);
        Assert.Empty(state.Agreements);
        Assert.Empty(state.RevealedSteps);
        Assert.Empty(state.ReadyKeys);
        Assert.Equal(SessionTestData.AllStepIds, state.Settings.StepIds);
    }

    [Fact]
    public void Start_WithoutTheAfsprakenStep_AddsItAtTheEnd()
    {
        var state = Start(["opening", "stroom"]);

        Assert.Equal(["opening", "stroom", "afspraken"], state.Settings.StepIds);
    }

    [Fact]
    public void Start_WithOnlyTheAfsprakenStep_KeepsIt()
    {
        var state = Start(["afspraken"]);

        Assert.Equal(["afspraken"], state.Settings.StepIds);
        Assert.True(state.IsAtLastStep());
    }

    [Fact]
    public void Start_TrimsTheOrganisationName()
    {
        var settings = SessionTestData.Settings() with { OrganisationName = "  Waterschap Test  " };

        var state = SessionEngine.Start(Guid.NewGuid(), settings, Facilitator, Scenario, T0);

        Assert.Equal("Waterschap Test", state.Settings.OrganisationName);
    }

    [Fact]
    public void Start_OrganisationNameOf100Characters_IsAccepted()
    {
        var settings = SessionTestData.Settings() with { OrganisationName = new string('x', 100) };

        var state = SessionEngine.Start(Guid.NewGuid(), settings, Facilitator, Scenario, T0);

        Assert.Equal(100, state.Settings.OrganisationName.Length);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(120)]
    public void Start_AllowedTotalMinutes_AreAccepted(int minutes)
    {
        var state = Start(totalMinutes: minutes);

        Assert.Equal(minutes, state.Settings.TotalMinutes);
    }

    [Theory]
    [InlineData("no steps")]
    [InlineData("unknown step")]
    [InlineData("out of order")]
    [InlineData("duplicate step")]
    [InlineData("afspraken not last")]
    [InlineData("75 minutes")]
    [InlineData("0 minutes")]
    [InlineData("empty name")]
    [InlineData("blank name")]
    [InlineData("name of 101 characters")]
    [InlineData("unknown kind")]
    public void Start_InvalidSettings_Throws(string problem)
    {
        var valid = SessionTestData.Settings();
        var settings = problem switch
        {
            "no steps" => valid with { StepIds = [] },
            "unknown step" => valid with { StepIds = ["opening", "bestaat-niet", "afspraken"] },
            "out of order" => valid with { StepIds = ["stroom", "opening", "afspraken"] },
            "duplicate step" => valid with { StepIds = ["opening", "opening", "afspraken"] },
            "afspraken not last" => valid with { StepIds = ["afspraken", "opening"] },
            "75 minutes" => valid with { TotalMinutes = 75 },
            "0 minutes" => valid with { TotalMinutes = 0 },
            "empty name" => valid with { OrganisationName = "" },
            "blank name" => valid with { OrganisationName = "   " },
            "name of 101 characters" => valid with { OrganisationName = new string('x', 101) },
            "unknown kind" => valid with { Kind = (OrganisationKind)42 },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        Assert.ThrowsAny<ArgumentException>(() => SessionEngine.Start(Guid.NewGuid(), settings, Facilitator, Scenario, T0));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Start_WithoutFacilitatorKey_Throws(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => SessionEngine.Start(Guid.NewGuid(), SessionTestData.Settings(), key, Scenario, T0));
    }

    [Fact]
    public void Start_ScenarioWithoutAfsprakenStep_Throws()
    {
        var scenario = Scenario with { Steps = [.. Scenario.Steps.Where(s => s.Part != ScenarioPart.Afspraken)] };

        Assert.Throws<ArgumentException>(() => SessionEngine.Start(Guid.NewGuid(), SessionTestData.Settings(["opening"]), Facilitator, scenario, T0));
    }

    // ---- Duration ----

    [Fact]
    public void Duration_AllSteps_ScaleTheSuggestedMinutesToTheSessionLength()
    {
        var state = Start(totalMinutes: 120);

        // 10, 5, 20, 20, 15, 10 of 80 minutes, times 1.5, rounded on the running total: 15, 22.5 → 23, 52.5 → 53, 82.5 → 83, 105, 120.
        var minutes = Enumerable.Range(0, 6).Select(i => SessionEngine.Duration(state, Scenario, i).TotalMinutes);

        Assert.Equal([15, 8, 30, 30, 22, 15], minutes);
    }

    [Theory]
    [InlineData(60, "opening,waarom,stroom,water,bijdrage,afspraken")]
    [InlineData(90, "opening,waarom,stroom,water,bijdrage,afspraken")]
    [InlineData(120, "opening,waarom,stroom,water,bijdrage,afspraken")]
    [InlineData(60, "waarom,afspraken")]
    [InlineData(90, "opening,water,afspraken")]
    [InlineData(120, "waarom,stroom,bijdrage,afspraken")]
    [InlineData(90, "afspraken")]
    public void Duration_ChosenSteps_FillTheSessionLength_UnlessThatStretchesThemBeyondOneAndAHalfTimes(int totalMinutes, string steps)
    {
        var state = Start(steps.Split(','), totalMinutes);
        var suggested = state.Settings.StepIds.Sum(id => Scenario.Step(id)!.Minutes);

        var total = Enumerable.Range(0, state.Settings.StepIds.Count).Sum(i => SessionEngine.Duration(state, Scenario, i).TotalMinutes);

        // Few short steps do not fill a long session: it simply ends earlier.
        Assert.Equal(Math.Min(totalMinutes, Math.Round(1.5 * suggested, MidpointRounding.AwayFromZero)), total);
    }

    [Fact]
    public void Duration_TwoShortStepsInALongSession_GetAtMostOneAndAHalfTimesTheirSuggestedMinutes()
    {
        // 10 and 10 suggested minutes of a 90-minute session: 15 each, not 45.
        var state = Start(["opening", "afspraken"], 90);

        var minutes = Enumerable.Range(0, 2).Select(i => SessionEngine.Duration(state, Scenario, i).TotalMinutes);

        Assert.Equal([15, 15], minutes);
        Assert.Equal(T0.AddMinutes(15), state.StepEndsAt);
    }

    [Fact]
    public void Duration_IsInWholeMinutes()
    {
        var state = Start(["opening", "waarom", "afspraken"], 90);

        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0, SessionEngine.Duration(state, Scenario, i).Ticks % TimeSpan.TicksPerMinute));
    }

    [Fact]
    public void Duration_TinyStep_GetsAtLeastOneMinute()
    {
        var scenario = Scenario with
        {
            Steps =
            [
                SessionTestData.Step("kort", ScenarioPart.Opening, 1, "kort-1"),
                SessionTestData.Step("lang", ScenarioPart.Scenario, 200, "lang-1"),
                SessionTestData.Step("slot", ScenarioPart.Afspraken, 200, "slot-1"),
            ],
        };
        var state = SessionEngine.Start(Guid.NewGuid(), SessionTestData.Settings(["kort", "lang", "slot"], 60), Facilitator, scenario, T0);

        Assert.Equal(TimeSpan.FromMinutes(1), SessionEngine.Duration(state, scenario, 0));
        Assert.Equal(T0.AddMinutes(1), state.StepEndsAt);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Duration_IndexOutsideTheSteps_Throws(int index)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionEngine.Duration(Start(), Scenario, index));
    }

    // ---- Who may do what ----

    [Theory]
    [MemberData(nameof(AllCommandNames))]
    public void Decide_AnyCommandOnACompletedSession_IsRefused(string name)
    {
        var state = Apply(SessionTestData.At(Start(), "afspraken"), Command("agreement", Start()));
        state = Apply(state, new Contribute("afspraken-1", "Een punt."), Anna);
        var completed = Apply(state, new Complete());

        foreach (var actor in SessionTestData.Actors)
        {
            AssertRefused(completed, Decide(completed, Command(name, completed), actor, T0.AddHours(1)), SessionRefusal.SessionClosed);
        }
    }

    [Theory]
    [MemberData(nameof(AllCommandNames))]
    public void Decide_AnyCommandOnACancelledSession_IsRefused(string name)
    {
        var cancelled = Apply(Apply(Start(), new Contribute("opening-1", "Punt."), Anna), new Cancel());

        foreach (var actor in SessionTestData.Actors)
        {
            AssertRefused(cancelled, Decide(cancelled, Command(name, cancelled), actor), SessionRefusal.SessionClosed);
        }
    }

    [Theory]
    [MemberData(nameof(FacilitatorCommandNames))]
    public void Decide_FacilitatorCommandFromAParticipant_IsRefused(string name)
    {
        var state = Apply(Apply(SessionTestData.At(Start(), "stroom"), new Contribute("stroom-1", "Punt."), Anna), Command("agreement", Start()));
        state = Apply(state, new PauseSession());

        AssertRefused(state, Decide(state, Command(name, state), Anna), SessionRefusal.NotFacilitator);
    }

    [Fact]
    public void NeedsFacilitator_IsFalseOnlyForWhatParticipantsDo()
    {
        var state = Start();
        var open = AllCommandNames.Select(row => row.Data).Where(name => !Command(name, state).NeedsFacilitator);

        Assert.Equal(["takeOver", "contribute", "edit", "withdraw", "ready"], open);
    }

    [Fact]
    public void Decide_UnknownCommand_Throws()
    {
        Assert.Throws<ArgumentException>(() => Decide(Start(), new UnknownCommand()));
    }

    [Fact]
    public void Decide_WithoutActorKey_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Decide(Start(), new MarkReady(), ""));
    }

    private sealed record UnknownCommand : SessionCommand;

    // ---- Steps ----

    [Fact]
    public void Decide_NextStep_MovesOnAndRestartsTheTimer()
    {
        var state = Start(totalMinutes: 120);
        var now = T0.AddMinutes(17);

        var decision = Decide(state, new NextStep(), now: now);

        Assert.True(decision.Accepted);
        Assert.True(decision.SharedCardChanged);
        Assert.Equal(1, decision.State.StepIndex);
        Assert.Equal("waarom", decision.State.CurrentStepId);
        Assert.Equal(now, decision.State.StepStartedAt);
        Assert.Equal(now.AddMinutes(8), decision.State.StepEndsAt);
        Assert.Equal(SessionStatus.Running, decision.State.Status);
    }

    [Fact]
    public void Decide_NextAtLastStep_IsRefused()
    {
        var state = SessionTestData.At(Start(), "afspraken");

        AssertRefused(state, Decide(state, new NextStep()), SessionRefusal.AlreadyLastStep);
    }

    [Fact]
    public void Decide_PreviousStep_GoesBackAndRestartsTheTimer()
    {
        var state = SessionTestData.At(Start(totalMinutes: 120), "stroom");
        var now = T0.AddMinutes(40);

        var decision = Decide(state, new PreviousStep(), now: now);

        Assert.True(decision.SharedCardChanged);
        Assert.Equal("waarom", decision.State.CurrentStepId);
        Assert.Equal(now, decision.State.StepStartedAt);
        Assert.Equal(now.AddMinutes(8), decision.State.StepEndsAt);
    }

    [Fact]
    public void Decide_PreviousAtFirstStep_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new PreviousStep()), SessionRefusal.AlreadyFirstStep);
    }

    [Theory]
    [InlineData("next")]
    [InlineData("previous")]
    public void Decide_StepChange_ForgetsWhoWasReady(string name)
    {
        var state = Apply(Apply(SessionTestData.At(Start(), "waarom"), new MarkReady(), Anna), new MarkReady(), Bram);
        Assert.Equal(2, state.ReadyKeys.Count);

        var moved = Apply(state, Command(name, state));

        Assert.Empty(moved.ReadyKeys);
    }

    [Fact]
    public void Decide_NextWhilePaused_StaysPausedWithTheWholeTimeOfTheNewStep()
    {
        var paused = Apply(Start(totalMinutes: 120), new PauseSession(), now: T0.AddMinutes(3));
        var now = T0.AddMinutes(10);

        var moved = Apply(paused, new NextStep(), now: now);

        Assert.Equal(SessionStatus.Paused, moved.Status);
        Assert.Equal(TimeSpan.FromMinutes(8), moved.RemainingWhenPaused);
        Assert.Equal(TimeSpan.FromMinutes(8), moved.Remaining(now.AddHours(1)));
        Assert.Equal(now, moved.StepStartedAt);
        Assert.Equal(now.AddMinutes(8), moved.StepEndsAt);
    }

    // ---- Timer ----

    [Fact]
    public void Decide_Pause_KeepsTheRemainingTime()
    {
        var state = Start(totalMinutes: 120);

        var decision = Decide(state, new PauseSession(), now: T0.AddMinutes(4));

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(SessionStatus.Paused, decision.State.Status);
        Assert.Equal(TimeSpan.FromMinutes(11), decision.State.RemainingWhenPaused);
        Assert.True(decision.State.IsOpen);
    }

    [Fact]
    public void Decide_PauseAfterTheTimeRanOut_KeepsZero()
    {
        var paused = Apply(Start(totalMinutes: 120), new PauseSession(), now: T0.AddMinutes(20));

        Assert.Equal(TimeSpan.Zero, paused.RemainingWhenPaused);
    }

    [Fact]
    public void Decide_PauseWhenPaused_IsRefused()
    {
        var paused = Apply(Start(), new PauseSession());

        AssertRefused(paused, Decide(paused, new PauseSession(), now: T0.AddMinutes(1)), SessionRefusal.AlreadyPaused);
    }

    [Fact]
    public void Decide_Resume_EndsTheStepAfterTheRemainingTime()
    {
        var paused = Apply(Start(totalMinutes: 120), new PauseSession(), now: T0.AddMinutes(4));
        var now = T0.AddMinutes(30);

        var decision = Decide(paused, new ResumeSession(), now: now);

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(SessionStatus.Running, decision.State.Status);
        Assert.Null(decision.State.RemainingWhenPaused);
        Assert.Equal(now.AddMinutes(11), decision.State.StepEndsAt);
    }

    [Fact]
    public void Decide_ResumeWhenRunning_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new ResumeSession()), SessionRefusal.NotPaused);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    public void Decide_Extend_AddsTheMinutesToTheStep(int minutes)
    {
        var state = Start(totalMinutes: 120);

        var decision = Decide(state, new ExtendStep(minutes), now: T0.AddMinutes(2));

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(T0.AddMinutes(15 + minutes), decision.State.StepEndsAt);
        Assert.Equal(T0, decision.State.StepStartedAt);
    }

    [Fact]
    public void Decide_ExtendAfterTheTimeRanOut_CountsFromNow()
    {
        var now = T0.AddMinutes(25);

        var extended = Apply(Start(totalMinutes: 120), new ExtendStep(5), now: now);

        Assert.Equal(now.AddMinutes(5), extended.StepEndsAt);
    }

    [Fact]
    public void Decide_ExtendWhilePaused_AddsToTheRemainingTime()
    {
        var paused = Apply(Start(totalMinutes: 120), new PauseSession(), now: T0.AddMinutes(5));

        var extended = Apply(paused, new ExtendStep(3), now: T0.AddMinutes(9));

        Assert.Equal(SessionStatus.Paused, extended.Status);
        Assert.Equal(TimeSpan.FromMinutes(13), extended.RemainingWhenPaused);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(31)]
    [InlineData(int.MaxValue)]
    public void Decide_ExtendOutsideOneToThirtyMinutes_IsRefused(int minutes)
    {
        var state = Start();

        AssertRefused(state, Decide(state, new ExtendStep(minutes)), SessionRefusal.InvalidValue);
    }

    [Fact]
    public void Remaining_FollowsTheClockWhileRunningAndStopsWhilePaused()
    {
        var state = Start(totalMinutes: 120);

        Assert.Equal(TimeSpan.FromMinutes(15), state.Remaining(T0));
        Assert.Equal(TimeSpan.FromMinutes(5), state.Remaining(T0.AddMinutes(10)));
        Assert.Equal(TimeSpan.Zero, state.Remaining(T0.AddMinutes(60)));

        var paused = Apply(state, new PauseSession(), now: T0.AddMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(5), paused.Remaining(T0.AddHours(5)));

        var cancelled = Apply(state, new Cancel());
        Assert.Equal(TimeSpan.Zero, cancelled.Remaining(T0));
    }

    // ---- Contributions ----

    [Fact]
    public void Decide_Contribute_AddsTheTrimmedTextToTheCurrentStep()
    {
        var state = SessionTestData.At(Start(), "stroom");
        var now = T0.AddMinutes(20);

        var decision = Decide(state, new Contribute("stroom-2", "  Geen noodstroom op het gemeentehuis.\n"), Anna, now);

        Assert.True(decision.Accepted);
        Assert.False(decision.SharedCardChanged);
        var contribution = Assert.Single(decision.State.Contributions);
        Assert.NotEqual(Guid.Empty, contribution.Id);
        Assert.Equal("stroom", contribution.StepId);
        Assert.Equal("stroom-2", contribution.QuestionId);
        Assert.Equal(Anna, contribution.AuthorKey);
        Assert.Equal("Geen noodstroom op het gemeentehuis.", contribution.Text);
        Assert.Null(contribution.Tag);
        Assert.Equal(now, contribution.At);
    }

    [Fact]
    public void Decide_ContributeToAQuestionOfAnotherStep_IsRefused()
    {
        var state = SessionTestData.At(Start(), "stroom");

        AssertRefused(state, Decide(state, new Contribute("opening-1", "Punt."), Anna), SessionRefusal.NoSuchQuestion);
    }

    [Fact]
    public void Decide_ContributeToAnUnknownQuestion_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new Contribute("bestaat-niet", "Punt."), Anna), SessionRefusal.NoSuchQuestion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void Decide_ContributeWithoutText_IsRefused(string text)
    {
        var state = Start();

        AssertRefused(state, Decide(state, new Contribute("opening-1", text), Anna), SessionRefusal.EmptyText);
    }

    [Fact]
    public void Decide_ContributeOver1000Characters_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new Contribute("opening-1", new string('a', 1001)), Anna), SessionRefusal.TextTooLong);
    }

    [Fact]
    public void Decide_Contribute1000CharactersWithSurroundingSpace_IsAccepted()
    {
        var state = Apply(Start(), new Contribute("opening-1", "  " + new string('a', 1000) + "  "), Anna);

        Assert.Equal(1000, Assert.Single(state.Contributions).Text.Length);
    }

    [Fact]
    public void Decide_ContributeWhilePausedOrAsFacilitator_IsAccepted()
    {
        var paused = Apply(Start(), new PauseSession());

        var state = Apply(Apply(paused, new Contribute("opening-1", "Van Anna."), Anna), new Contribute("opening-1", "Van de facilitator."));

        Assert.Equal([Anna, Facilitator], state.Contributions.Select(c => c.AuthorKey));
    }

    [Fact]
    public void Decide_Contribute_IdIsTheSameForTheSameInputs()
    {
        var state = Start();
        var command = new Contribute("opening-1", "Punt.");

        var first = Decide(state, command, Anna, T0.AddMinutes(1));
        var second = Decide(state, command, Anna, T0.AddMinutes(1));

        Assert.Equal(ContributionId(first.State), ContributionId(second.State));
    }

    [Fact]
    public void Decide_Contribute_IdDiffersPerAuthorMomentAndSession()
    {
        var state = Start();
        var command = new Contribute("opening-1", "Punt.");
        var otherSession = state with { Id = Guid.Parse("00000000-0000-0000-0000-000000000001") };

        Guid[] ids =
        [
            ContributionId(Decide(state, command, Anna, T0).State),
            ContributionId(Decide(state, command, Bram, T0).State),
            ContributionId(Decide(state, command, Anna, T0.AddTicks(1)).State),
            ContributionId(Decide(otherSession, command, Anna, T0).State),
        ];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Decide_ContributeAtTheSameMomentAfterAWithdrawal_NeverReusesALiveId()
    {
        // Same author, question, moment and count as an earlier contribution: the count alone would repeat its id.
        var state = Apply(Start(), new Contribute("opening-1", "Van Bram."), Bram);
        state = Apply(state, new Contribute("opening-1", "Eerste."), Anna);
        state = Apply(state, new WithdrawContribution(state.Contributions[0].Id), Bram);

        state = Apply(state, new Contribute("opening-1", "Tweede."), Anna);

        Assert.Equal(2, state.Contributions.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Decide_ManyContributionsAtTheSameMoment_AllGetDistinctIds()
    {
        var state = Start();
        for (var i = 0; i < 50; i++)
        {
            state = Apply(state, new Contribute("opening-1", "Punt."), SessionTestData.Actors[i % 4]);
        }

        Assert.Equal(50, state.Contributions.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Decide_Contribute_IdIsAVersion8Guid()
    {
        var id = ContributionId(Apply(Start(), new Contribute("opening-1", "Punt."), Anna));

        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString()[14]);
    }

    [Fact]
    public void Decide_EditOwnContribution_ChangesTheTextOnly()
    {
        var state = Apply(Start(), new Contribute("opening-1", "Eerste versie."), Anna, T0.AddMinutes(1));
        var id = ContributionId(state);
        state = Apply(state, new TagContribution(id, ContributionTag.Kwetsbaarheid));

        var decision = Decide(state, new EditContribution(id, "  Tweede versie. "), Anna, T0.AddMinutes(3));

        Assert.True(decision.Accepted);
        Assert.False(decision.SharedCardChanged);
        var edited = Assert.Single(decision.State.Contributions);
        Assert.Equal(state.Contributions[0] with { Text = "Tweede versie." }, edited);
    }

    [Theory]
    [InlineData(Bram)]
    [InlineData(Facilitator)]
    public void Decide_EditSomeoneElsesContribution_IsRefused(string actor)
    {
        var state = Apply(Start(), new Contribute("opening-1", "Van Anna."), Anna);

        AssertRefused(state, Decide(state, new EditContribution(ContributionId(state), "Overschreven."), actor), SessionRefusal.NotYourContribution);
    }

    [Fact]
    public void Decide_EditUnknownContribution_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new EditContribution(Guid.NewGuid(), "Tekst."), Anna), SessionRefusal.NoSuchContribution);
    }

    [Fact]
    public void Decide_EditAfterTheGroupMovedOn_IsRefused()
    {
        var state = Apply(Apply(Start(), new Contribute("opening-1", "Punt."), Anna), new NextStep());

        AssertRefused(state, Decide(state, new EditContribution(ContributionId(state), "Later."), Anna), SessionRefusal.StepOver);
    }

    [Fact]
    public void Decide_EditAfterTheGroupWentBackToItsStep_IsAccepted()
    {
        var state = Apply(Apply(Apply(Start(), new Contribute("opening-1", "Punt."), Anna), new NextStep()), new PreviousStep());

        var edited = Apply(state, new EditContribution(ContributionId(state), "Scherper punt."), Anna);

        Assert.Equal("Scherper punt.", Assert.Single(edited.Contributions).Text);
    }

    [Theory]
    [InlineData(" ", SessionRefusal.EmptyText)]
    [InlineData(null, SessionRefusal.TextTooLong)]
    public void Decide_EditWithInvalidText_IsRefused(string? text, SessionRefusal expected)
    {
        var state = Apply(Start(), new Contribute("opening-1", "Punt."), Anna);

        var decision = Decide(state, new EditContribution(ContributionId(state), text ?? new string('b', 1001)), Anna);

        AssertRefused(state, decision, expected);
    }

    [Fact]
    public void Decide_WithdrawOwnContribution_RemovesIt()
    {
        var state = Apply(Apply(Start(), new Contribute("opening-1", "Van Anna."), Anna), new Contribute("opening-1", "Van Bram."), Bram);

        var decision = Decide(state, new WithdrawContribution(state.Contributions[0].Id), Anna);

        Assert.True(decision.Accepted);
        Assert.False(decision.SharedCardChanged);
        Assert.Equal("Van Bram.", Assert.Single(decision.State.Contributions).Text);
    }

    [Theory]
    [InlineData(Bram)]
    [InlineData(Facilitator)]
    public void Decide_WithdrawSomeoneElsesContribution_IsRefused(string actor)
    {
        var state = Apply(Start(), new Contribute("opening-1", "Van Anna."), Anna);

        AssertRefused(state, Decide(state, new WithdrawContribution(ContributionId(state)), actor), SessionRefusal.NotYourContribution);
    }

    [Fact]
    public void Decide_WithdrawAfterTheGroupMovedOn_IsRefused()
    {
        var state = Apply(Apply(Start(), new Contribute("opening-1", "Punt."), Anna), new NextStep());

        AssertRefused(state, Decide(state, new WithdrawContribution(ContributionId(state)), Anna), SessionRefusal.StepOver);
    }

    [Fact]
    public void Decide_WithdrawUnknownOrAlreadyWithdrawn_IsRefused()
    {
        var state = Apply(Start(), new Contribute("opening-1", "Punt."), Anna);
        var id = ContributionId(state);
        state = Apply(state, new WithdrawContribution(id), Anna);

        AssertRefused(state, Decide(state, new WithdrawContribution(id), Anna), SessionRefusal.NoSuchContribution);
    }

    // ---- Tags ----

    [Fact]
    public void Decide_Tag_SetsAndRemovesTheTag()
    {
        var state = Apply(Start(), new Contribute("opening-1", "Punt."), Anna);
        var id = ContributionId(state);

        var tagged = Decide(state, new TagContribution(id, ContributionTag.Bijdrage));
        Assert.True(tagged.SharedCardChanged);
        Assert.Equal(ContributionTag.Bijdrage, Assert.Single(tagged.State.Contributions).Tag);

        var untagged = Apply(tagged.State, new TagContribution(id, null));
        Assert.Equal(state.Contributions[0], Assert.Single(untagged.Contributions));
    }

    [Fact]
    public void Decide_TagAContributionOfAnEarlierStep_IsAccepted()
    {
        var state = SessionTestData.At(Apply(Start(), new Contribute("opening-1", "Punt."), Anna), "afspraken");

        var tagged = Apply(state, new TagContribution(ContributionId(state), ContributionTag.Actie));

        Assert.Equal(ContributionTag.Actie, tagged.Contributions[0].Tag);
    }

    [Fact]
    public void Decide_TagUnknownContribution_IsRefused()
    {
        var state = Apply(Start(), new Contribute("opening-1", "Punt."), Anna);

        AssertRefused(state, Decide(state, new TagContribution(Guid.NewGuid(), ContributionTag.Actie)), SessionRefusal.NoSuchContribution);
    }

    [Fact]
    public void Decide_TagWithAnUndefinedValue_IsRefused()
    {
        var state = Apply(Start(), new Contribute("opening-1", "Punt."), Anna);

        AssertRefused(state, Decide(state, new TagContribution(ContributionId(state), (ContributionTag)9)), SessionRefusal.InvalidValue);
    }

    // ---- Revealing ----

    [Fact]
    public void Decide_Reveal_ShowsTheCurrentStep()
    {
        var state = SessionTestData.At(Start(), "stroom");

        var decision = Decide(state, new RevealContributions());

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(["stroom"], decision.State.RevealedSteps);
        Assert.True(decision.State.IsRevealed("stroom"));
        Assert.False(decision.State.IsRevealed("opening"));
    }

    [Fact]
    public void Decide_RevealTwice_KeepsOneEntry()
    {
        var state = Apply(Apply(Start(), new RevealContributions()), new RevealContributions());

        Assert.Equal(["opening"], state.RevealedSteps);
    }

    [Fact]
    public void Decide_RevealInAnAnonymousSessionWithTwoContributions_IsRefused()
    {
        var state = Apply(Start(anonymous: true), new Contribute("opening-1", "Een."), Anna);
        state = Apply(SessionTestData.At(state, "stroom"), new Contribute("stroom-1", "Twee."), Anna);
        state = Apply(state, new Contribute("stroom-2", "Drie."), Bram);

        // Three in all, but only two in this step: the earlier step's contribution does not hide anyone here.
        AssertRefused(state, Decide(state, new RevealContributions()), SessionRefusal.NotEnoughToReveal);
    }

    [Fact]
    public void Decide_RevealInAnAnonymousSessionWithThreeContributions_IsAccepted()
    {
        var state = Start(anonymous: true);
        foreach (var actor in new[] { Anna, Bram, Cees })
        {
            state = Apply(state, new Contribute("opening-1", $"Van {actor}."), actor);
        }

        Assert.Contains("opening", Apply(state, new RevealContributions()).RevealedSteps);
    }

    [Fact]
    public void Decide_RevealInANamedSessionWithoutContributions_IsAccepted()
    {
        Assert.Contains("opening", Apply(Start(anonymous: false), new RevealContributions()).RevealedSteps);
    }

    // ---- Agreements ----

    [Fact]
    public void Decide_AddAgreement_RecordsItTrimmed()
    {
        var due = new DateOnly(2027, 1, 31);

        var decision = Decide(Start(), new AddAgreement("  Noodstroom testen ", " Facilitair manager ", due));

        Assert.True(decision.SharedCardChanged);
        var agreement = Assert.Single(decision.State.Agreements);
        Assert.NotEqual(Guid.Empty, agreement.Id);
        Assert.Equal(new Agreement(agreement.Id, "Noodstroom testen", "Facilitair manager", due), agreement);
    }

    [Fact]
    public void Decide_AddAgreementDueToday_IsAccepted()
    {
        var lateInTheDay = new DateTimeOffset(2026, 11, 28, 23, 59, 0, TimeSpan.Zero);

        var state = Apply(Start(), new AddAgreement("Iets", "Rol", new DateOnly(2026, 11, 28)), now: lateInTheDay);

        Assert.Single(state.Agreements);
    }

    [Fact]
    public void Decide_AddAgreementAtAnEarlierStep_IsAccepted()
    {
        var state = Apply(SessionTestData.At(Start(), "water"), new AddAgreement("Waterplan", "Hoofd bedrijfsvoering", new DateOnly(2027, 3, 1)));

        Assert.Single(state.Agreements);
    }

    [Theory]
    [InlineData("", "Rol", 1)]
    [InlineData("   ", "Rol", 1)]
    [InlineData("301", "Rol", 1)]
    [InlineData("Iets", "", 1)]
    [InlineData("Iets", "101", 1)]
    [InlineData("Iets", "Rol", -1)]
    public void Decide_AddAgreementWithInvalidValues_IsRefused(string what, string ownerRole, int dueInDays)
    {
        var state = Start();
        var command = new AddAgreement(
            what == "301" ? new string('w', 301) : what,
            ownerRole == "101" ? new string('r', 101) : ownerRole,
            DateOnly.FromDateTime(T0.UtcDateTime).AddDays(dueInDays));

        AssertRefused(state, Decide(state, command), SessionRefusal.InvalidValue);
    }

    [Fact]
    public void Decide_AddAgreementAtTheLongestLengths_IsAccepted()
    {
        var state = Apply(Start(), new AddAgreement(new string('w', 300), new string('r', 100), new DateOnly(2027, 1, 1)));

        Assert.Single(state.Agreements);
    }

    [Fact]
    public void Decide_TwoAgreements_GetDistinctIds()
    {
        var command = new AddAgreement("Iets", "Rol", new DateOnly(2027, 1, 1));

        var state = Apply(Apply(Start(), command), command);

        Assert.Equal(2, state.Agreements.Select(a => a.Id).Distinct().Count());
    }

    // ---- Completing and cancelling ----

    [Fact]
    public void Decide_CompleteBeforeTheLastStep_IsRefused()
    {
        var state = Apply(SessionTestData.At(Start(), "bijdrage"), Command("agreement", Start()));

        AssertRefused(state, Decide(state, new Complete()), SessionRefusal.NotLastStep);
    }

    [Fact]
    public void Decide_CompleteWithoutAgreements_IsRefused()
    {
        var state = SessionTestData.At(Start(), "afspraken");

        AssertRefused(state, Decide(state, new Complete()), SessionRefusal.NeedsAgreement);
    }

    [Fact]
    public void Decide_CompleteAtTheLastStepWithAnAgreement_CompletesTheSession()
    {
        var state = Apply(SessionTestData.At(Start(), "afspraken"), Command("agreement", Start()));

        var decision = Decide(state, new Complete());

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(SessionStatus.Completed, decision.State.Status);
        Assert.False(decision.State.IsOpen);
        Assert.Single(decision.State.Agreements);
    }

    [Fact]
    public void Decide_CompleteWhilePaused_CompletesTheSession()
    {
        var state = Apply(Apply(SessionTestData.At(Start(), "afspraken"), Command("agreement", Start())), new PauseSession());

        Assert.Equal(SessionStatus.Completed, Apply(state, new Complete()).Status);
    }

    [Theory]
    [InlineData("opening", false)]
    [InlineData("water", true)]
    [InlineData("afspraken", false)]
    public void Decide_Cancel_CancelsAtAnyStep(string stepId, bool paused)
    {
        var state = SessionTestData.At(Start(), stepId);
        state = paused ? Apply(state, new PauseSession()) : state;

        var decision = Decide(state, new Cancel());

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(SessionStatus.Cancelled, decision.State.Status);
        Assert.False(decision.State.IsOpen);
    }

    // ---- The facilitator role ----

    [Fact]
    public void Decide_HandOver_MakesTheOtherMemberFacilitator()
    {
        var decision = Decide(Start(), new HandOver(Anna));

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(Anna, decision.State.FacilitatorKey);
        Assert.True(decision.State.IsFacilitator(Anna));
        Assert.False(decision.State.IsFacilitator(Facilitator));
        AssertRefused(decision.State, Decide(decision.State, new NextStep(), Facilitator), SessionRefusal.NotFacilitator);
        Assert.Equal(1, Apply(decision.State, new NextStep(), Anna).StepIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(Facilitator)]
    public void Decide_HandOverToNobodyOrToSelf_IsRefused(string toKey)
    {
        var state = Start();

        AssertRefused(state, Decide(state, new HandOver(toKey)), SessionRefusal.InvalidValue);
    }

    [Fact]
    public void Decide_TakeOverWhileTheFacilitatorIsStillHere_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new TakeOver(FacilitatorHasLeft: false), Bram), SessionRefusal.FacilitatorStillHere);
    }

    [Fact]
    public void Decide_TakeOverAfterTheFacilitatorLeft_MakesTheActorFacilitator()
    {
        var decision = Decide(SessionTestData.At(Start(), "water"), new TakeOver(FacilitatorHasLeft: true), Bram);

        Assert.True(decision.SharedCardChanged);
        Assert.Equal(Bram, decision.State.FacilitatorKey);
        Assert.Equal("water", decision.State.CurrentStepId);
    }

    [Fact]
    public void Decide_TakeOverByTheFacilitator_IsRefused()
    {
        var state = Start();

        AssertRefused(state, Decide(state, new TakeOver(FacilitatorHasLeft: true)), SessionRefusal.InvalidValue);
    }

    // ---- Ready ----

    [Fact]
    public void Decide_MarkReady_AddsTheActorOnce()
    {
        var state = Start();

        var first = Decide(state, new MarkReady(), Anna);
        var again = Decide(first.State, new MarkReady(), Anna);

        Assert.True(first.Accepted);
        Assert.False(first.SharedCardChanged);
        Assert.Equal([Anna], first.State.ReadyKeys);
        Assert.True(again.Accepted);
        Assert.False(again.SharedCardChanged);
        Assert.Same(first.State, again.State);
    }

    // ---- Helpers for the bot ----

    [Fact]
    public void ContributionLookups_ListPerStep_AndFindById()
    {
        var state = Apply(Apply(Start(), new Contribute("opening-1", "a"), Anna), new Contribute("opening-1", "b"), Bram);
        state = SessionTestData.At(state, "stroom");
        state = Apply(Apply(Apply(state, new Contribute("stroom-1", "c"), Anna), new Contribute("stroom-2", "d"), Bram), new Contribute("stroom-2", "e"), Cees);

        Assert.Equal(["a", "b"], state.ContributionsOf("opening").Select(c => c.Text));
        Assert.Equal(["c", "d", "e"], state.CurrentStepContributions().Select(c => c.Text));
        Assert.Equal("d", state.FindContribution(state.Contributions[3].Id)?.Text);
        Assert.Null(state.FindContribution(Guid.NewGuid()));
    }

    [Fact]
    public void Decide_WorksOnStateWithOtherCollectionTypes()
    {
        // The store hands the engine whatever its deserializer made; the engine must not depend on its own types.
        var state = Apply(Start(), new Contribute("opening-1", "a"), Anna) with
        {
            ReadyKeys = new HashSet<string> { Bram },
            RevealedSteps = new HashSet<string>(),
        };
        state = state with { Contributions = state.Contributions.ToList() };

        var ready = Apply(state, new MarkReady(), Anna);
        var revealed = Apply(ready, new RevealContributions());

        Assert.Equal([Anna, Bram], ready.ReadyKeys.Order());
        Assert.Equal(["opening"], revealed.RevealedSteps);
    }
}
