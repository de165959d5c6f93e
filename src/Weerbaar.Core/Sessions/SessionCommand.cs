namespace Weerbaar.Core.Sessions;

/// <summary>Something a user asks of a session (from a card button or a typed command).</summary>
public abstract record SessionCommand
{
    /// <summary>Only the facilitator may do this.</summary>
    public virtual bool NeedsFacilitator => true;
}

public sealed record NextStep : SessionCommand;

public sealed record PreviousStep : SessionCommand;

public sealed record PauseSession : SessionCommand;

public sealed record ResumeSession : SessionCommand;

/// <summary>Gives the current step more time.</summary>
public sealed record ExtendStep(int Minutes) : SessionCommand;

/// <summary>Shows the current step's contributions to the group.</summary>
public sealed record RevealContributions : SessionCommand;

public sealed record TagContribution(Guid ContributionId, ContributionTag? Tag) : SessionCommand;

public sealed record AddAgreement(string What, string OwnerRole, DateOnly Due) : SessionCommand;

public sealed record Complete : SessionCommand;

/// <summary>Cancels the session without a report, whatever it holds. The bot does not offer it: it ends with <see cref="EndSession"/>.</summary>
public sealed record Cancel : SessionCommand;

/// <summary>
/// Ends the session the way the moment allows: completes it at the last step once an agreement is recorded; completes
/// it early (<see cref="SessionState.EndedEarly"/>, so it keeps its report) when anything was contributed or agreed;
/// cancels an empty one. What the confirmed "Sessie beëindigen" and typed "stop" mean, so a facilitator need not know
/// which applies.
/// </summary>
public sealed record EndSession : SessionCommand;

/// <summary>The facilitator hands the role to another member.</summary>
public sealed record HandOver(string ToKey) : SessionCommand;

/// <summary>A participant takes the role over because the facilitator has left the conversation.</summary>
/// <param name="FacilitatorHasLeft">Established by the caller from the conversation's roster.</param>
public sealed record TakeOver(bool FacilitatorHasLeft) : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

public sealed record Contribute(string QuestionId, string Text) : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

public sealed record EditContribution(Guid ContributionId, string Text) : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

public sealed record WithdrawContribution(Guid ContributionId) : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

public sealed record MarkReady : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

/// <summary>Opens a voting round on the current step, whose contributions must have been shown to the group.</summary>
public sealed record OpenVoting : SessionCommand;

/// <summary>Closes the current step's voting round: its results are then shown to the group.</summary>
public sealed record CloseVoting : SessionCommand;

/// <summary>
/// A member's votes in the current step's voting round, as contribution id → number of votes. It replaces what the
/// member voted before in that round, so a vote can be changed (or taken back with an empty set) until it closes.
/// </summary>
public sealed record CastVotes(IReadOnlyDictionary<Guid, int> Votes) : SessionCommand
{
    public override bool NeedsFacilitator => false;
}

/// <summary>
/// The facilitator merges <paramref name="Merged"/> into <paramref name="Kept"/> (two contributions that say the same):
/// the merged one leaves the lists, its votes count for the kept one, and the report shows its text under the kept one.
/// </summary>
public sealed record MergeContributions(Guid Kept, Guid Merged) : SessionCommand;

/// <summary>
/// The facilitator says which of the agreements brought along from the last session are done: the whole set, so a
/// repeated or changed answer replaces the earlier one and a box unticked again counts as open.
/// </summary>
public sealed record MarkPreviousAgreements(IReadOnlyCollection<Guid> Done) : SessionCommand;
