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
