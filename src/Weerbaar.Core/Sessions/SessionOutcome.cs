using System.Text.Json.Serialization;

namespace Weerbaar.Core.Sessions;

/// <summary>Why the engine did not carry out a command; the bot turns each into a friendly Dutch message.</summary>
public enum SessionRefusal
{
    None,
    NotFacilitator,
    SessionClosed,
    NoSuchQuestion,
    NoSuchContribution,
    NotYourContribution,
    EmptyText,
    TextTooLong,
    AlreadyFirstStep,
    AlreadyLastStep,
    NotLastStep,
    NeedsAgreement,
    NotEnoughToReveal,
    NotPaused,
    AlreadyPaused,
    FacilitatorStillHere,
    InvalidValue,

    /// <summary>The contribution belongs to a step the group has moved on from; it can no longer be edited or withdrawn.</summary>
    StepOver,

    /// <summary>The member gave as many contributions to this step as <see cref="SessionLimits.MaxContributionsPerStep"/> allows.</summary>
    TooManyInStep,

    /// <summary>The member gave as many contributions to this session as <see cref="SessionLimits.MaxContributionsPerSession"/> allows.</summary>
    TooManyInSession,

    /// <summary>Voting needs the step's contributions shown to the group first ("Toon bijdragen").</summary>
    NotRevealed,

    /// <summary>There is nothing to vote on: the step has no contributions.</summary>
    NothingToVoteOn,

    /// <summary>No voting round is open on the current step.</summary>
    VotingNotOpen,

    /// <summary>A voting round is already open on the current step.</summary>
    VotingAlreadyOpen,

    /// <summary>The member cast more votes than <see cref="SessionLimits.VotesPerParticipant"/> allows (or a negative count).</summary>
    TooManyVotes,

    /// <summary>A vote or merge names a contribution of another step.</summary>
    NotInThisStep,

    /// <summary>A contribution cannot be merged with itself.</summary>
    SameContribution,

    /// <summary>The agreement is not one of those brought along from the last session.</summary>
    NoSuchAgreement,
}

/// <summary>
/// What the engine decided: the new state (unchanged when refused), the refusal if any, and whether the shared card
/// must be redrawn (step changes and facilitator actions — not contributions, which only change counts).
/// </summary>
public sealed record SessionDecision(SessionState State, SessionRefusal Refusal, bool SharedCardChanged)
{
    [JsonIgnore]
    public bool Accepted => Refusal == SessionRefusal.None;
}
