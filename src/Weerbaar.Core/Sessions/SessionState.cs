using System.Collections.Immutable;

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
public sealed record Contribution(Guid Id, string StepId, string QuestionId, string AuthorKey, string Text, ContributionTag? Tag, DateTimeOffset At)
{
    /// <summary>
    /// The contribution this one was merged into by the facilitator: it is then left out of every list and count,
    /// its votes count for that one, and the report shows its text under it. Null for old stored states.
    /// </summary>
    public Guid? MergedInto { get; init; }
}

/// <summary>
/// <paramref name="Count"/> votes of one member for one contribution in the voting round of <paramref name="StepId"/>.
/// <paramref name="VoterKey"/> is kept only to replace the member's earlier votes; in an anonymous session it is a
/// pseudonym, like an author key, and votes are never shown per person.
/// </summary>
public sealed record Vote(string StepId, string VoterKey, Guid ContributionId, int Count);

/// <summary>A contribution with the votes it got, for a step's results.</summary>
public sealed record VoteResult(Contribution Contribution, int Votes);

/// <summary>A step's end time, as the time-up line was posted for it.</summary>
public sealed record StepDeadline(string StepId, DateTimeOffset EndsAt);

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
    /// <summary>
    /// The facilitator ended the session before its agreements were made: it is <see cref="SessionStatus.Completed"/>
    /// so its contributions keep their report, and the report says it ended early. False for old stored states.
    /// </summary>
    public bool EndedEarly { get; init; }

    /// <summary>
    /// The step and end time the time-up line was posted for, so it is posted once per end time: a later step or an
    /// extension gives a new end time. Null for old stored states and until a step's time first ran out.
    /// </summary>
    public StepDeadline? TimeUpNoted { get; init; }

    /// <summary>The step whose voting round is open, or null. Only the current step can have one open.</summary>
    public string? VotingStepId { get; init; }

    /// <summary>The steps whose voting round was closed: their results are shown. Empty for old stored states.</summary>
    public IReadOnlySet<string> VotedSteps { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>The votes of all steps' rounds. Empty for old stored states.</summary>
    public IReadOnlyList<Vote> Votes { get; init; } = [];

    /// <summary>
    /// The open agreements of the last session in this conversation ("Vorige keer afgesproken"), brought along when
    /// this one started so the group can say which are done. Empty for a first session and for old stored states.
    /// </summary>
    public IReadOnlyList<Agreement> PreviousAgreements { get; init; } = [];

    /// <summary>The ids of <see cref="PreviousAgreements"/> the facilitator marked as done, in their order.</summary>
    public IReadOnlyList<Guid> PreviousAgreementsDone { get; init; } = [];

    public string CurrentStepId => Settings.StepIds[StepIndex];

    public bool IsOpen => Status is SessionStatus.Running or SessionStatus.Paused;

    // The helpers below are methods rather than properties so they stay out of the stored JSON (SessionStateJson).

    public bool IsFacilitator(string key) => string.Equals(key, FacilitatorKey, StringComparison.Ordinal);

    /// <summary>Whether the current step is the session's last one (the agreements), where it can be completed.</summary>
    public bool IsAtLastStep() => StepIndex == Settings.StepIds.Count - 1;

    /// <summary>Time left for the current step at <paramref name="now"/>: zero once it has run out or the session is closed.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => Status switch
    {
        SessionStatus.Paused => RemainingWhenPaused ?? TimeSpan.Zero,
        SessionStatus.Running when StepEndsAt > now => StepEndsAt - now,
        _ => TimeSpan.Zero,
    };

    /// <summary>Whether the running step's time is up at <paramref name="now"/> and its time-up line not yet posted.</summary>
    public bool IsTimeUpUnnoted(DateTimeOffset now) =>
        Status == SessionStatus.Running && StepEndsAt <= now && TimeUpNoted != new StepDeadline(CurrentStepId, StepEndsAt);

    public Contribution? FindContribution(Guid id) => Contributions.FirstOrDefault(c => c.Id == id);

    /// <summary>The contributions to one step, in the order they were made, without those merged into another.</summary>
    public IReadOnlyList<Contribution> ContributionsOf(string stepId) => [.. Contributions.Where(c => c.StepId == stepId && c.MergedInto is null)];

    /// <summary>The contributions merged into <paramref name="id"/>, in the order they were made.</summary>
    public IReadOnlyList<Contribution> MergedInto(Guid id) => [.. Contributions.Where(c => c.MergedInto == id)];

    /// <summary>Whether the current step's voting round is open.</summary>
    public bool IsVotingOpen() => VotingStepId is not null && VotingStepId == CurrentStepId;

    /// <summary>
    /// A step's contributions that got votes, most votes first (ties in the order they were made). Votes of merged
    /// contributions were moved to the kept one when merging.
    /// </summary>
    public IReadOnlyList<VoteResult> VoteResults(string stepId)
    {
        var totals = Votes.Where(v => v.StepId == stepId).GroupBy(v => v.ContributionId).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        return [.. ContributionsOf(stepId)
            .Select(c => new VoteResult(c, totals.GetValueOrDefault(c.Id)))
            .Where(r => r.Votes > 0)
            .OrderByDescending(r => r.Votes)];
    }

    /// <summary>The votes <paramref name="voterKey"/> cast in the voting round of <paramref name="stepId"/>, by contribution.</summary>
    public IReadOnlyDictionary<Guid, int> VotesOf(string stepId, string voterKey) =>
        Votes.Where(v => v.StepId == stepId && string.Equals(v.VoterKey, voterKey, StringComparison.Ordinal))
            .GroupBy(v => v.ContributionId)
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Count));

    public IReadOnlyList<Contribution> CurrentStepContributions() => ContributionsOf(CurrentStepId);

    public bool IsRevealed(string stepId) => RevealedSteps.Contains(stepId);

    public bool IsPreviousAgreementDone(Guid id) => PreviousAgreementsDone.Contains(id);
}
