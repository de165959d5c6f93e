using Weerbaar.Core.Sessions;
using static Weerbaar.Tests.Sessions.SessionTestData;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The rules the bot used to apply itself before asking the engine: a button of a step the group left, typed "stop",
/// the setup card's settings and follow-up reminders.
/// </summary>
public sealed class SessionEngineRuleTests
{
    private static readonly Scenario TestScenario = SessionTestData.Scenario;

    private static SessionDecision DecideShown(SessionState state, SessionCommand command, string actor, string? shownStepId) =>
        SessionEngine.Decide(state, command, actor, TestScenario, T0, shownStepId);

    [Theory]
    [MemberData(nameof(AllCommandNames))]
    public void ButtonOfAStepTheGroupLeft_IsRefusedAsStepOver_BeforeAnyOtherRule(string name)
    {
        var state = Apply(Start(), new NextStep());

        // Anna is no facilitator, yet the stale card is what she hears about.
        var decision = DecideShown(state, CommandFor(name), Anna, shownStepId: "opening");

        Assert.Equal(SessionRefusal.StepOver, decision.Refusal);
        Assert.Same(state, decision.State);
    }

    public static TheoryData<string> AllCommandNames => new("next", "previous", "pause", "ready", "contribute", "endSession");

    [Fact]
    public void TakeOver_WorksFromACardOfAnyStep()
    {
        var state = Apply(Start(), new NextStep());

        var decision = DecideShown(state, new TakeOver(FacilitatorHasLeft: true), Anna, shownStepId: "opening");

        Assert.True(decision.Accepted);
        Assert.Equal(Anna, decision.State.FacilitatorKey);
    }

    [Fact]
    public void ButtonOfTheCurrentStep_IsDecidedAsUsual()
    {
        var decision = DecideShown(Start(), new MarkReady(), Anna, shownStepId: "opening");

        Assert.True(decision.Accepted);
    }

    [Fact]
    public void StaleButtonOnAClosedSession_SaysTheSessionIsClosed()
    {
        var state = Apply(Apply(Start(), new NextStep()), new Cancel());

        Assert.Equal(SessionRefusal.SessionClosed, DecideShown(state, new MarkReady(), Anna, "opening").Refusal);
    }

    [Fact]
    public void EndSession_BeforeTheLastStep_Cancels()
    {
        var decision = Decide(Start(), new EndSession());

        Assert.Equal(SessionStatus.Cancelled, decision.State.Status);
        Assert.True(decision.SharedCardChanged);
    }

    [Fact]
    public void EndSession_AtTheLastStepWithAnAgreement_Completes()
    {
        var state = Apply(At(Start(), "afspraken"), new AddAgreement("Noodstroom testen", "Facilitair manager", DateOnly.FromDateTime(T0.UtcDateTime).AddDays(30)));

        Assert.Equal(SessionStatus.Completed, Decide(state, new EndSession()).State.Status);
    }

    [Fact]
    public void EndSession_AtTheLastStepWithoutAgreements_Cancels()
    {
        Assert.Equal(SessionStatus.Cancelled, Decide(At(Start(), "afspraken"), new EndSession()).State.Status);
    }

    [Fact]
    public void EndSession_WithAContribution_CompletesEarly_SoTheReportIsKeptAndSaysSo()
    {
        var state = Apply(Apply(Start(), new Contribute("opening-1", "Wij hebben geen noodstroom."), Anna), new NextStep());

        var today = DateOnly.FromDateTime(T0.UtcDateTime);
        var ended = Decide(state, new EndSession()).State;
        var completed = Decide(Apply(At(state, "afspraken"), new AddAgreement("Oefenen", "Crisiscoördinator", today.AddDays(7))), new EndSession()).State;

        Assert.Equal(SessionStatus.Completed, ended.Status);
        Assert.Equal(state.Contributions, ended.Contributions);
        Assert.Contains("vroegtijdig beëindigd, bij stap 2 van", SessionReport.Markdown(ended, TestScenario, today), StringComparison.Ordinal);
        Assert.Contains("vroegtijdig be&#235;indigd, bij stap 2 van", SessionReport.Html(ended, TestScenario, today), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Completed, completed.Status);
        Assert.DoesNotContain("vroegtijdig", SessionReport.Markdown(completed, TestScenario, today), StringComparison.Ordinal);
    }

    [Fact]
    public void EndSession_ByAParticipant_IsRefused()
    {
        Assert.Equal(SessionRefusal.NotFacilitator, Decide(Start(), new EndSession(), Anna).Refusal);
    }

    [Fact]
    public void SettingsError_ValidSettings_IsNull()
    {
        Assert.Null(SessionEngine.SettingsError(Settings(), TestScenario));
        Assert.Null(SessionEngine.SettingsError(Settings(["stroom"]), TestScenario));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("longName")]
    [InlineData("kind")]
    [InlineData("minutes")]
    [InlineData("noSteps")]
    [InlineData("unknownStep")]
    [InlineData("order")]
    public void SettingsError_InvalidSettings_SaysWhy_AndStartRefusesThemToo(string problem)
    {
        var settings = problem switch
        {
            "name" => Settings() with { OrganisationName = "  " },
            "longName" => Settings() with { OrganisationName = new string('x', SessionEngine.MaxOrganisationNameLength + 1) },
            "kind" => Settings() with { Kind = (OrganisationKind)99 },
            "minutes" => Settings(totalMinutes: 75),
            "noSteps" => Settings([]),
            "unknownStep" => Settings(["opening", "nergens"]),
            _ => Settings(["water", "stroom"]),
        };

        Assert.NotNull(SessionEngine.SettingsError(settings, TestScenario));
        Assert.ThrowsAny<ArgumentException>(() => SessionEngine.Start(Guid.NewGuid(), settings, Facilitator, TestScenario, T0));
    }

    [Fact]
    public void ReminderRefusal_FollowsRoleStatusAndRange()
    {
        var running = Start();
        var completed = Apply(Apply(At(running, "afspraken"), new AddAgreement("Oefenen", "Crisiscoördinator", DateOnly.FromDateTime(T0.UtcDateTime).AddDays(7))), new Complete());

        Assert.Equal(SessionRefusal.None, SessionEngine.ReminderRefusal(completed, Facilitator, 4));
        Assert.Equal(SessionRefusal.NotFacilitator, SessionEngine.ReminderRefusal(completed, Anna, 4));
        Assert.Equal(SessionRefusal.InvalidValue, SessionEngine.ReminderRefusal(running, Facilitator, 4));
        Assert.Equal(SessionRefusal.InvalidValue, SessionEngine.ReminderRefusal(completed, Facilitator, 0));
        Assert.Equal(SessionRefusal.InvalidValue, SessionEngine.ReminderRefusal(completed, Facilitator, 53));
        Assert.Equal(SessionRefusal.InvalidValue, SessionEngine.ReminderRefusal(completed, Facilitator, null));
    }

    private static SessionCommand CommandFor(string name) => name switch
    {
        "next" => new NextStep(),
        "previous" => new PreviousStep(),
        "pause" => new PauseSession(),
        "ready" => new MarkReady(),
        "contribute" => new Contribute("opening-1", "Te laat."),
        _ => new EndSession(),
    };
}
