using System.Collections.Immutable;
using static Weerbaar.Core.Sessions.SessionEngine;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The engine's rules for dot-voting and merging (part of <see cref="SessionEngine.Decide"/>, which has checked the
/// session is open, the card's step and the facilitator before): a round per step, opened after the reveal; each
/// member's votes replace their earlier ones until it closes; merging moves votes along.
/// </summary>
internal static class SessionVoting
{
    // Voting comes after the reveal: people vote on what the group has seen, and in an anonymous session the reveal
    // is where the minimum that keeps authors unrecognisable is checked. Opening a closed round again keeps its votes.
    public static SessionDecision Open(SessionState state) =>
        state.IsVotingOpen() ? Refuse(state, SessionRefusal.VotingAlreadyOpen)
        : !state.IsRevealed(state.CurrentStepId) ? Refuse(state, SessionRefusal.NotRevealed)
        : state.CurrentStepContributions().Count == 0 ? Refuse(state, SessionRefusal.NothingToVoteOn)
        : Shared(state with
        {
            VotingStepId = state.CurrentStepId,
            VotedSteps = ImmutableHashSet.CreateRange(StringComparer.Ordinal, state.VotedSteps).Remove(state.CurrentStepId),
        });

    /// <summary>
    /// A member's votes replace their earlier ones in the round, so the dialog always sends the whole set. Quiet: the
    /// shared card is not redrawn for every vote (Teams' rate limits, and what others were typing), only on closing.
    /// </summary>
    public static SessionDecision Cast(SessionState state, CastVotes command, string actorKey, SessionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(command.Votes, nameof(command));
        if (!state.IsVotingOpen())
        {
            return Refuse(state, SessionRefusal.VotingNotOpen);
        }

        var stepId = state.CurrentStepId;
        var total = 0L;
        foreach (var (id, count) in command.Votes)
        {
            if (count < 0)
            {
                return Refuse(state, SessionRefusal.InvalidValue);
            }

            if (state.FindContribution(id) is not { MergedInto: null } contribution)
            {
                return Refuse(state, SessionRefusal.NoSuchContribution);
            }

            if (contribution.StepId != stepId)
            {
                return Refuse(state, SessionRefusal.NotInThisStep);
            }

            total += count;
        }

        if (total > limits.VotesPerParticipant)
        {
            return Refuse(state, SessionRefusal.TooManyVotes);
        }

        // In the order the contributions were made, so the same votes always give the same stored state.
        var mine = state.CurrentStepContributions()
            .Where(c => command.Votes.GetValueOrDefault(c.Id) > 0)
            .Select(c => new Vote(stepId, actorKey, c.Id, command.Votes[c.Id]));
        var others = state.Votes.Where(v => v.StepId != stepId || !string.Equals(v.VoterKey, actorKey, StringComparison.Ordinal));
        return Quiet(state with { Votes = [.. others, .. mine] });
    }

    /// <summary>
    /// Merges two contributions of the current step that say the same. The merged one keeps its text (the report shows
    /// it under the kept one) but leaves every list; its votes move to the kept one, a member's votes for both adding
    /// up, so nobody's total changes. What was merged into it before moves along.
    /// </summary>
    public static SessionDecision Merge(SessionState state, MergeContributions command)
    {
        if (command.Kept == command.Merged)
        {
            return Refuse(state, SessionRefusal.SameContribution);
        }

        if (state.FindContribution(command.Kept) is not { MergedInto: null } kept
            || state.FindContribution(command.Merged) is not { MergedInto: null } merged)
        {
            return Refuse(state, SessionRefusal.NoSuchContribution);
        }

        if (kept.StepId != state.CurrentStepId || merged.StepId != state.CurrentStepId)
        {
            return Refuse(state, SessionRefusal.NotInThisStep);
        }

        var contributions = state.Contributions.Select(c =>
            c.Id == merged.Id || c.MergedInto == merged.Id ? c with { MergedInto = kept.Id } : c);
        var votes = state.Votes
            .Select(v => v.ContributionId == merged.Id ? v with { ContributionId = kept.Id } : v)
            .GroupBy(v => (v.StepId, v.VoterKey, v.ContributionId))
            .Select(g => g.First() with { Count = g.Sum(v => v.Count) });
        return Shared(state with { Contributions = [.. contributions], Votes = [.. votes] });
    }

    public static SessionDecision Close(SessionState state) =>
        state.IsVotingOpen()
            ? Shared(state with { VotingStepId = null, VotedSteps = Add(state.VotedSteps, state.CurrentStepId) })
            : Refuse(state, SessionRefusal.VotingNotOpen);
}
