using Weerbaar.Core.Sessions;
using static Weerbaar.Tests.Sessions.SessionTestData;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The engine's bounds: how many contributions one member may give per step and per session, who may post a step's
/// contributions into the chat ("Toon alles").
/// </summary>
public sealed class SessionBoundRuleTests
{
    private static readonly SessionLimits Small = new(MaxContributionsPerStep: 2, MaxContributionsPerSession: 3);

    private static SessionDecision Contribute(SessionState state, string actor, string text, SessionLimits? limits = null) =>
        SessionEngine.Decide(state, new Contribute(state.CurrentStepId + "-1", text), actor, SessionTestData.Scenario, T0, limits: limits ?? Small);

    private static SessionState Contributed(SessionState state, string actor, string text)
    {
        var decision = Contribute(state, actor, text);
        Assert.True(decision.Accepted, decision.Refusal.ToString());
        return decision.State;
    }

    [Fact]
    public void ContributionPastTheStepBound_IsRefused_AndKeepsEverythingStored()
    {
        var state = Contributed(Contributed(Start(), Anna, "Een"), Anna, "Twee");

        var decision = Contribute(state, Anna, "Drie");

        Assert.Equal(SessionRefusal.TooManyInStep, decision.Refusal);
        Assert.Same(state, decision.State);
        Assert.True(Contribute(state, Bram, "Van Bram").Accepted);
    }

    [Fact]
    public void WithdrawingAContribution_MakesRoomAgain_AndEditingStaysPossibleAtTheBound()
    {
        var state = Contributed(Contributed(Start(), Anna, "Een"), Anna, "Twee");
        var first = state.Contributions[0].Id;

        state = Apply(state, new EditContribution(first, "Een, beter gezegd"), Anna);
        state = Apply(state, new WithdrawContribution(first), Anna);

        Assert.True(Contribute(state, Anna, "Drie").Accepted);
    }

    [Fact]
    public void ContributionPastTheSessionBound_IsRefused_AlsoOnAFreshStep()
    {
        var state = Contributed(Contributed(Start(), Anna, "Een"), Anna, "Twee");
        state = Contributed(Apply(state, new NextStep()), Anna, "Drie");

        var decision = Contribute(state, Anna, "Vier");

        Assert.Equal(SessionRefusal.TooManyInSession, decision.Refusal);
        Assert.Equal(3, decision.State.Contributions.Count);
    }

    [Fact]
    public void WithoutSettings_TheDefaultBoundOf20PerStepHolds()
    {
        var state = Start();
        for (var i = 0; i < SessionLimits.Default.MaxContributionsPerStep; i++)
        {
            state = Apply(state, new Contribute("opening-1", $"Punt {i}"), Anna);
        }

        Assert.Equal(SessionRefusal.TooManyInStep, Decide(state, new Contribute("opening-1", "Nog een"), Anna).Refusal);
    }

    [Theory]
    [InlineData(true, 2, SessionRefusal.NotEnoughToReveal)]
    [InlineData(true, 3, SessionRefusal.None)]
    [InlineData(false, 1, SessionRefusal.None)]
    public void ShowAll_FollowsTheRevealRuleOfTheCard(bool anonymous, int contributions, SessionRefusal expected)
    {
        var state = Start(anonymous: anonymous);
        foreach (var actor in new[] { Anna, Bram, Cees }.Take(contributions))
        {
            state = Apply(state, new Contribute("opening-1", "Punt van " + actor), actor);
        }

        Assert.Equal(expected, SessionEngine.ShowAllRefusal(state, Facilitator));
        Assert.Equal(expected, Decide(state, new RevealContributions()).Refusal);
        Assert.Equal(SessionRefusal.NotFacilitator, SessionEngine.ShowAllRefusal(state, Anna));
    }
}
