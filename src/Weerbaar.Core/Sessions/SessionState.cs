namespace Weerbaar.Core.Sessions;

/// <summary>Where a session stands.</summary>
public enum SessionStatus
{
    Running,
    Paused,
    Completed,
    Cancelled,
}

/// <summary>How the facilitator labels a contribution.</summary>
public enum ContributionTag
{
    Kwetsbaarheid,
    Actie,
    Bijdrage,
}

/// <summary>What the facilitator chose on the setup card.</summary>
/// <param name="StepIds">The scenario steps of this session, in order (a subset of the scenario's steps).</param>
/// <param name="TotalMinutes">60, 90 or 120; the steps' suggested durations are scaled to fit.</param>
public sealed record SessionSettings(string OrganisationName, OrganisationKind Kind, IReadOnlyList<string> StepIds, int TotalMinutes, bool Anonymous);

/// <summary>
/// One contribution to one question of one step. <see cref="AuthorKey"/> identifies the author for editing and
/// withdrawing only; in an anonymous session it is never shown anywhere (cards, report, logs).
/// </summary>
public sealed record Contribution(Guid Id, string StepId, string QuestionId, string AuthorKey, string Text, ContributionTag? Tag, DateTimeOffset At);

/// <summary>An agreement recorded in the last phase: what, who (a role, not a name) and by when.</summary>
public sealed record Agreement(Guid Id, string What, string OwnerRole, DateOnly Due);

/// <summary>
/// The whole state of a gesprekstool session, as one value the engine transforms. Users are identified by a key
/// (their Entra object id); display names live elsewhere, so an anonymous session holds no names at all.
/// </summary>
public sealed record SessionState(
    Guid Id,
    SessionStatus Status,
    SessionSettings Settings,
    string FacilitatorKey,
    int StepIndex,
    DateTimeOffset StepStartedAt,
    DateTimeOffset StepEndsAt,
    TimeSpan? RemainingWhenPaused,
    IReadOnlyList<Contribution> Contributions,
    IReadOnlyList<Agreement> Agreements,
    IReadOnlySet<string> RevealedSteps,
    IReadOnlySet<string> ReadyKeys)
{
    public string CurrentStepId => Settings.StepIds[StepIndex];

    public bool IsOpen => Status is SessionStatus.Running or SessionStatus.Paused;
}
