using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The gesprekstool's rules as a pure state machine: a state and a command in, a decision out. No I/O and no clock —
/// the caller passes the time — so the session service can load, decide, compare-and-swap and decide again after a
/// lost race and get the very same answer, and the tests can drive every rule directly.
/// </summary>
public static class SessionEngine
{
    /// <summary>The session lengths the setup card offers.</summary>
    public static IReadOnlyList<int> AllowedTotalMinutes { get; } = [60, 90, 120];

    public const int MaxOrganisationNameLength = 100;
    public const int MaxContributionLength = 1000;
    public const int MaxAgreementLength = 300;
    public const int MaxOwnerRoleLength = 100;
    public const int MinExtendMinutes = 1;
    public const int MaxExtendMinutes = 30;

    /// <summary>How far a step's suggested minutes may be stretched to fill the session: one and a half times.</summary>
    public static (long Numerator, long Denominator) MaxStretch { get; } = (3, 2);

    /// <summary>
    /// In an anonymous session fewer contributions than this are not shown to the group: with one or two, the room
    /// can often tell who wrote what.
    /// </summary>
    public const int MinContributionsToRevealAnonymously = 3;

    /// <summary>Follow-up reminders can be asked for this many weeks ahead.</summary>
    public const int MinReminderWeeks = 1;
    public const int MaxReminderWeeks = 52;

    /// <summary>
    /// Starts a session at its first step. The bot checks the setup card with <see cref="SettingsError"/> first, so
    /// invalid settings are a programming error here and throw <see cref="ArgumentException"/>. When the chosen steps
    /// do not end with an <see cref="ScenarioPart.Afspraken"/> step, the scenario's (last) one is added: a session
    /// always ends with agreements, because <see cref="Complete"/> needs at least one.
    /// </summary>
    public static SessionState Start(Guid id, SessionSettings settings, string facilitatorKey, Scenario scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(facilitatorKey);
        ArgumentNullException.ThrowIfNull(settings.StepIds, nameof(settings));

        if (!scenario.Steps.Any(s => s.Part == ScenarioPart.Afspraken))
        {
            throw new ArgumentException("The scenario has no step for agreements.", nameof(scenario));
        }

        if (SettingsError(settings, scenario) is string error)
        {
            throw new ArgumentException(error, nameof(settings));
        }

        var stepIds = StepsEndingWithAgreements(settings.StepIds, scenario);
        var name = settings.OrganisationName.Trim();
        var state = new SessionState(
            id,
            SessionStatus.Running,
            settings with { OrganisationName = name, StepIds = [.. stepIds] },
            facilitatorKey,
            StepIndex: 0,
            StepStartedAt: now,
            StepEndsAt: now,
            RemainingWhenPaused: null,
            Contributions: [],
            Agreements: [],
            RevealedSteps: ImmutableHashSet<string>.Empty,
            ReadyKeys: ImmutableHashSet<string>.Empty);
        return state with { StepEndsAt = now + Duration(state, scenario, 0) };
    }

    /// <summary>
    /// Why <paramref name="settings"/> cannot start a session, or null when they can: the setup card's answer and
    /// <see cref="Start"/> are held to the same rules.
    /// </summary>
    public static string? SettingsError(SessionSettings settings, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scenario);
        var name = settings.OrganisationName?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxOrganisationNameLength)
        {
            return $"The organisation name must be 1 to {MaxOrganisationNameLength} characters.";
        }

        if (!Enum.IsDefined(settings.Kind))
        {
            return "Unknown kind of organisation.";
        }

        if (!AllowedTotalMinutes.Contains(settings.TotalMinutes))
        {
            return $"A session lasts {string.Join(", ", AllowedTotalMinutes)} minutes.";
        }

        if (settings.StepIds is not { Count: > 0 })
        {
            return "A session needs at least one step.";
        }

        var previous = -1;
        foreach (var stepId in StepsEndingWithAgreements(settings.StepIds, scenario))
        {
            var index = IndexOfStep(scenario, stepId);
            if (index < 0)
            {
                return $"The scenario has no step '{stepId}'.";
            }

            if (index <= previous)
            {
                return "The steps must be chosen once each and in the scenario's order.";
            }

            previous = index;
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="actorKey"/> may ask for a follow-up reminder <paramref name="weeks"/> ahead: the
    /// facilitator, once the session is completed with agreements (a reminder asks how the agreements are going; a
    /// session ended early without any has nothing to come back to).
    /// </summary>
    public static SessionRefusal ReminderRefusal(SessionState state, string actorKey, int? weeks)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsFacilitator(actorKey))
        {
            return SessionRefusal.NotFacilitator;
        }

        return state.Status == SessionStatus.Completed && state.Agreements.Count > 0 && weeks is >= MinReminderWeeks and <= MaxReminderWeeks
            ? SessionRefusal.None
            : SessionRefusal.InvalidValue;
    }

    /// <summary>
    /// The time for a step: its suggested minutes scaled so that the chosen steps fill <see cref="SessionSettings.TotalMinutes"/>,
    /// but never stretched beyond <see cref="MaxStretch"/> times: two short steps in a 90-minute session would otherwise
    /// take 54 and 36 minutes, far more than a group needs, so such a session simply ends earlier.
    /// </summary>
    /// <remarks>
    /// Each step gets the difference of the rounded running totals rather than its own rounded share, so the rounding
    /// errors do not add up and the steps together last exactly the session's length, or one and a half times their
    /// suggested minutes when that is shorter (unless a tiny step would get less than the one-minute minimum).
    /// </remarks>
    public static TimeSpan Duration(SessionState state, Scenario scenario, int stepIndex)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        var stepIds = state.Settings.StepIds;
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stepIndex, stepIds.Count);

        long total = 0, before = 0;
        for (var i = 0; i < stepIds.Count; i++)
        {
            var weight = Weight(scenario, stepIds[i]);
            if (i < stepIndex)
            {
                before += weight;
            }

            total += weight;
        }

        var upTo = before + Weight(scenario, stepIds[stepIndex]);

        // The scale as a fraction: the session's length over the suggested total, or the cap when that is smaller.
        long totalMinutes = state.Settings.TotalMinutes;
        var (numerator, denominator) = totalMinutes * MaxStretch.Denominator > total * MaxStretch.Numerator
            ? MaxStretch
            : (totalMinutes, total);
        var minutes = RoundedShare(upTo, denominator, numerator) - RoundedShare(before, denominator, numerator);
        return TimeSpan.FromMinutes(Math.Max(1L, minutes));
    }

    /// <summary>
    /// Decides what <paramref name="command"/> from <paramref name="actorKey"/> does to <paramref name="state"/> at
    /// <paramref name="now"/>. A refused command returns the very same state instance.
    /// </summary>
    /// <param name="shownStepId">
    /// The step the card showed when its button was pressed, or null for a typed command. A button of a step the
    /// group has left is refused (<see cref="SessionRefusal.StepOver"/>): it was meant for that step, and carried out
    /// now it would land on another one (a contribution to the wrong question, a second "volgende").
    /// </param>
    /// <exception cref="ArgumentException">
    /// Only for programming errors: an unknown command type, or a scenario that does not hold the session's steps.
    /// </exception>
    /// <param name="limits">How many contributions one member may give and how many votes they cast; <see cref="SessionLimits.Default"/> when null.</param>
    public static SessionDecision Decide(SessionState state, SessionCommand command, string actorKey, Scenario scenario, DateTimeOffset now, string? shownStepId = null, SessionLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorKey);
        ArgumentNullException.ThrowIfNull(scenario);

        if (!state.IsOpen)
        {
            return Refuse(state, SessionRefusal.SessionClosed);
        }

        // Taking over does not depend on the step: a participant may press it on any card once the facilitator left.
        if (shownStepId is not null && shownStepId != state.CurrentStepId && command is not TakeOver)
        {
            return Refuse(state, SessionRefusal.StepOver);
        }

        if (command.NeedsFacilitator && !state.IsFacilitator(actorKey))
        {
            return Refuse(state, SessionRefusal.NotFacilitator);
        }

        return command switch
        {
            NextStep => state.IsAtLastStep()
                ? Refuse(state, SessionRefusal.AlreadyLastStep)
                : GoToStep(state, scenario, state.StepIndex + 1, now),
            PreviousStep => state.StepIndex == 0
                ? Refuse(state, SessionRefusal.AlreadyFirstStep)
                : GoToStep(state, scenario, state.StepIndex - 1, now),
            PauseSession => Pause(state, now),
            ResumeSession => Resume(state, now),
            ExtendStep extend => Extend(state, extend.Minutes, now),
            RevealContributions => Reveal(state),
            TagContribution tag => Tag(state, tag),
            AddAgreement agreement => RecordAgreement(state, agreement, now),
            Complete => Finish(state),
            Cancel => Shared(state with { Status = SessionStatus.Cancelled }),
            EndSession => End(state),
            HandOver handOver => string.IsNullOrWhiteSpace(handOver.ToKey) || state.IsFacilitator(handOver.ToKey)
                ? Refuse(state, SessionRefusal.InvalidValue)
                : Shared(state with { FacilitatorKey = handOver.ToKey }),
            TakeOver takeOver => TakeOverRole(state, takeOver, actorKey),
            Contribute contribute => AddContribution(state, contribute, actorKey, scenario, now, limits ?? SessionLimits.Default),
            EditContribution edit => Edit(state, edit, actorKey),
            WithdrawContribution withdraw => Withdraw(state, withdraw, actorKey),
            OpenVoting => SessionVoting.Open(state),
            CloseVoting => SessionVoting.Close(state),
            CastVotes cast => SessionVoting.Cast(state, cast, actorKey, limits ?? SessionLimits.Default),
            MergeContributions merge => SessionVoting.Merge(state, merge),
            MarkPreviousAgreements mark => SessionPreviousAgreements.Mark(state, mark),
            MarkReady => state.ReadyKeys.Contains(actorKey)
                ? Quiet(state)
                : Quiet(state with { ReadyKeys = Add(state.ReadyKeys, actorKey) }),
            _ => throw new ArgumentException($"Unknown session command {command.GetType().Name}.", nameof(command)),
        };
    }

    private static SessionDecision GoToStep(SessionState state, Scenario scenario, int stepIndex, DateTimeOffset now)
    {
        var moved = state with { StepIndex = stepIndex, StepStartedAt = now, ReadyKeys = ImmutableHashSet<string>.Empty };

        // Moving on ends an open voting round as closing it would: its votes were meant for the step being left, and
        // its results belong in the report.
        if (state.VotingStepId is string votingStep)
        {
            moved = moved with { VotingStepId = null, VotedSteps = Add(state.VotedSteps, votingStep) };
        }

        var duration = Duration(moved, scenario, stepIndex);

        // A paused session stays paused on the next step, with that step's whole time waiting: moving on does not end a break.
        return Shared(moved with
        {
            StepEndsAt = now + duration,
            RemainingWhenPaused = state.Status == SessionStatus.Paused ? duration : null,
        });
    }

    private static SessionDecision Pause(SessionState state, DateTimeOffset now) =>
        state.Status == SessionStatus.Paused
            ? Refuse(state, SessionRefusal.AlreadyPaused)
            : Shared(state with { Status = SessionStatus.Paused, RemainingWhenPaused = state.Remaining(now) });

    private static SessionDecision Resume(SessionState state, DateTimeOffset now) =>
        state.Status != SessionStatus.Paused
            ? Refuse(state, SessionRefusal.NotPaused)
            : Shared(state with
            {
                Status = SessionStatus.Running,
                StepEndsAt = now + (state.RemainingWhenPaused ?? TimeSpan.Zero),
                RemainingWhenPaused = null,
                TimeUpNoted = SessionTimeUp.NotedAfterResume(state, now),
            });

    private static SessionDecision Extend(SessionState state, int minutes, DateTimeOffset now)
    {
        if (minutes is < MinExtendMinutes or > MaxExtendMinutes)
        {
            return Refuse(state, SessionRefusal.InvalidValue);
        }

        var extra = TimeSpan.FromMinutes(minutes);
        if (state.Status == SessionStatus.Paused)
        {
            return Shared(state with { RemainingWhenPaused = (state.RemainingWhenPaused ?? TimeSpan.Zero) + extra });
        }

        // "Five more minutes" when the time is already up means five minutes from now, not from the missed deadline.
        var from = state.StepEndsAt > now ? state.StepEndsAt : now;
        return Shared(state with { StepEndsAt = from + extra });
    }

    /// <summary>
    /// Whether <paramref name="actorKey"/> may post all of the current step's contributions into the chat ("Toon
    /// alles"): the facilitator, under the same rule as revealing them on the card, whether or not the card showed
    /// the button (its data can be sent without it).
    /// </summary>
    public static SessionRefusal ShowAllRefusal(SessionState state, string actorKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsFacilitator(actorKey))
        {
            return SessionRefusal.NotFacilitator;
        }

        return TooFewToReveal(state) ? SessionRefusal.NotEnoughToReveal : SessionRefusal.None;
    }

    private static bool TooFewToReveal(SessionState state) =>
        state.Settings.Anonymous && state.CurrentStepContributions().Count < MinContributionsToRevealAnonymously;

    private static SessionDecision Reveal(SessionState state)
    {
        var stepId = state.CurrentStepId;
        if (TooFewToReveal(state))
        {
            return Refuse(state, SessionRefusal.NotEnoughToReveal);
        }

        return Shared(state.RevealedSteps.Contains(stepId) ? state : state with { RevealedSteps = Add(state.RevealedSteps, stepId) });
    }

    private static SessionDecision Tag(SessionState state, TagContribution command)
    {
        if (command.Tag is { } tag && !Enum.IsDefined(tag))
        {
            return Refuse(state, SessionRefusal.InvalidValue);
        }

        // The facilitator may tag any step's contributions: labelling is often done while reviewing at the end.
        return state.FindContribution(command.ContributionId) is null
            ? Refuse(state, SessionRefusal.NoSuchContribution)
            : Shared(state with { Contributions = Replace(state.Contributions, command.ContributionId, c => c with { Tag = command.Tag }) });
    }

    private static SessionDecision RecordAgreement(SessionState state, AddAgreement command, DateTimeOffset now)
    {
        // Agreements may be recorded at any step while the session is open: a group that spots an action during the
        // scenario should not have to remember it until the end. The card offers it at the Afspraken step.
        var what = command.What?.Trim() ?? string.Empty;
        var ownerRole = command.OwnerRole?.Trim() ?? string.Empty;
        if (what.Length is 0 or > MaxAgreementLength
            || ownerRole.Length is 0 or > MaxOwnerRoleLength
            || command.Due < DateOnly.FromDateTime(now.UtcDateTime))
        {
            return Refuse(state, SessionRefusal.InvalidValue);
        }

        var id = DeriveId("agreement", state, state.FacilitatorKey, what, state.Agreements.Count, now, state.Agreements.Select(a => a.Id));
        return Shared(state with { Agreements = [.. state.Agreements, new Agreement(id, what, ownerRole, command.Due)] });
    }

    private static SessionDecision Finish(SessionState state) =>
        !state.IsAtLastStep() ? Refuse(state, SessionRefusal.NotLastStep)
        : state.Agreements.Count == 0 ? Refuse(state, SessionRefusal.NeedsAgreement)
        : Shared(state with { Status = SessionStatus.Completed });

    // What the group wrote is never thrown away by ending: with any contribution or agreement the session completes
    // early, so the report is made as on completion; only an empty session is cancelled without one.
    private static SessionDecision End(SessionState state) =>
        state.IsAtLastStep() && state.Agreements.Count > 0 ? Finish(state)
        : state.Contributions.Count > 0 || state.Agreements.Count > 0 ? Shared(state with { Status = SessionStatus.Completed, EndedEarly = true })
        : Shared(state with { Status = SessionStatus.Cancelled });

    private static SessionDecision TakeOverRole(SessionState state, TakeOver command, string actorKey)
    {
        if (state.IsFacilitator(actorKey))
        {
            return Refuse(state, SessionRefusal.InvalidValue);
        }

        return command.FacilitatorHasLeft
            ? Shared(state with { FacilitatorKey = actorKey })
            : Refuse(state, SessionRefusal.FacilitatorStillHere);
    }

    private static SessionDecision AddContribution(SessionState state, Contribute command, string actorKey, Scenario scenario, DateTimeOffset now, SessionLimits limits)
    {
        var stepId = state.CurrentStepId;
        if (scenario.Step(stepId) is not { } step || !step.Questions.Any(q => q.Id == command.QuestionId))
        {
            return Refuse(state, SessionRefusal.NoSuchQuestion);
        }

        if (CheckText(command.Text, out var text) is var refusal && refusal != SessionRefusal.None)
        {
            return Refuse(state, refusal);
        }

        if (ContributionLimitRefusal(state, actorKey, limits) is var limit && limit != SessionRefusal.None)
        {
            return Refuse(state, limit);
        }

        var id = DeriveId("contribution", state, actorKey, command.QuestionId, state.Contributions.Count, now, state.Contributions.Select(c => c.Id));
        var contribution = new Contribution(id, stepId, command.QuestionId, actorKey, text, Tag: null, now);
        return Quiet(state with { Contributions = [.. state.Contributions, contribution] });
    }

    /// <summary>
    /// Whether the member has reached a bound: the session state is one document, read and written whole at every
    /// change, so one member (or a script with their card) must not be able to make it grow without end. Editing and
    /// withdrawing stay possible, and withdrawing makes room again.
    /// </summary>
    private static SessionRefusal ContributionLimitRefusal(SessionState state, string actorKey, SessionLimits limits)
    {
        var inSession = 0;
        var inStep = 0;
        foreach (var contribution in state.Contributions)
        {
            if (string.Equals(contribution.AuthorKey, actorKey, StringComparison.Ordinal))
            {
                inSession++;
                inStep += contribution.StepId == state.CurrentStepId ? 1 : 0;
            }
        }

        return inStep >= limits.MaxContributionsPerStep ? SessionRefusal.TooManyInStep
            : inSession >= limits.MaxContributionsPerSession ? SessionRefusal.TooManyInSession
            : SessionRefusal.None;
    }

    private static SessionDecision Edit(SessionState state, EditContribution command, string actorKey)
    {
        if (OwnContribution(state, command.ContributionId, actorKey) is var refusal && refusal != SessionRefusal.None)
        {
            return Refuse(state, refusal);
        }

        if (CheckText(command.Text, out var text) is var textRefusal && textRefusal != SessionRefusal.None)
        {
            return Refuse(state, textRefusal);
        }

        // The tag stays: the facilitator labelled the point, and an edit usually sharpens it rather than changes it.
        return Quiet(state with { Contributions = Replace(state.Contributions, command.ContributionId, c => c with { Text = text }) });
    }

    // A withdrawn contribution takes its votes along; what was merged into it comes back on its own, without votes.
    private static SessionDecision Withdraw(SessionState state, WithdrawContribution command, string actorKey) =>
        OwnContribution(state, command.ContributionId, actorKey) is var refusal && refusal != SessionRefusal.None
            ? Refuse(state, refusal)
            : Quiet(state with
            {
                Contributions = [.. state.Contributions.Where(c => c.Id != command.ContributionId)
                    .Select(c => c.MergedInto == command.ContributionId ? c with { MergedInto = null } : c)],
                Votes = [.. state.Votes.Where(v => v.ContributionId != command.ContributionId)],
            });

    /// <summary>
    /// Whether <paramref name="actorKey"/> may still change a contribution: only the author (not even the facilitator,
    /// whose role is to lead, not to rewrite what others said) and only while its step is on screen — once the group
    /// has moved on, the discussion has been held on what was written.
    /// </summary>
    private static SessionRefusal OwnContribution(SessionState state, Guid id, string actorKey) =>
        state.FindContribution(id) switch
        {
            null or { MergedInto: not null } => SessionRefusal.NoSuchContribution,
            var c when !string.Equals(c.AuthorKey, actorKey, StringComparison.Ordinal) => SessionRefusal.NotYourContribution,
            var c when c.StepId != state.CurrentStepId => SessionRefusal.StepOver,
            _ => SessionRefusal.None,
        };

    private static SessionRefusal CheckText(string? input, out string text)
    {
        text = input?.Trim() ?? string.Empty;
        return text.Length switch
        {
            0 => SessionRefusal.EmptyText,
            > MaxContributionLength => SessionRefusal.TextTooLong,
            _ => SessionRefusal.None,
        };
    }

    /// <summary>
    /// A new id for a contribution or agreement, derived from the inputs instead of <see cref="Guid.NewGuid"/>: the
    /// engine must be a pure function, so that the store's retry after a lost race, a replay and a test all get the
    /// same decision. The session id, author, subject, count, time and the ids already present go into a SHA-256
    /// hash, so ids differ across sessions, people and moments; the loop makes an id unique within the session even
    /// in the (astronomically unlikely) event of a clash. The result is an RFC 9562 version-8 (custom) GUID.
    /// </summary>
    private static Guid DeriveId(string kind, SessionState state, string actorKey, string subject, int count, DateTimeOffset now, IEnumerable<Guid> existing)
    {
        var taken = existing.ToHashSet();
        Span<byte> buffer = stackalloc byte[16];
        for (var salt = 0; ; salt++)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            AppendText(hash, kind);
            state.Id.TryWriteBytes(buffer, bigEndian: true, out _);
            hash.AppendData(buffer);
            AppendText(hash, actorKey);
            AppendText(hash, subject);
            AppendInt64(hash, count);
            AppendInt64(hash, now.UtcTicks);
            AppendInt64(hash, salt);
            foreach (var id in taken.Order())
            {
                id.TryWriteBytes(buffer, bigEndian: true, out _);
                hash.AppendData(buffer);
            }

            var digest = hash.GetHashAndReset();
            digest[6] = (byte)((digest[6] & 0x0F) | 0x80);
            digest[8] = (byte)((digest[8] & 0x3F) | 0x80);
            var candidate = new Guid(digest.AsSpan(0, 16), bigEndian: true);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        // Length-prefixed, so ("ab", "c") and ("a", "bc") hash differently.
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static List<string> StepsEndingWithAgreements(IReadOnlyList<string> chosen, Scenario scenario)
    {
        var stepIds = chosen.ToList();
        if (scenario.Step(stepIds[^1])?.Part != ScenarioPart.Afspraken
            && scenario.Steps.LastOrDefault(s => s.Part == ScenarioPart.Afspraken) is { } afspraken)
        {
            stepIds.Add(afspraken.Id);
        }

        return stepIds;
    }

    private static int IndexOfStep(Scenario scenario, string stepId)
    {
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            if (scenario.Steps[i].Id == stepId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A step's suggested minutes; a step without a sensible suggestion still counts as one minute.</summary>
    private static long Weight(Scenario scenario, string stepId) =>
        Math.Max(1, (scenario.Step(stepId) ?? throw new ArgumentException($"The scenario has no step '{stepId}'.", nameof(scenario))).Minutes);

    /// <summary>round(cumulative × numerator / denominator), halves away from zero, in integers.</summary>
    private static long RoundedShare(long cumulative, long denominator, long numerator) =>
        ((2 * cumulative * numerator) + denominator) / (2 * denominator);

    private static IReadOnlyList<Contribution> Replace(IReadOnlyList<Contribution> contributions, Guid id, Func<Contribution, Contribution> change) =>
        [.. contributions.Select(c => c.Id == id ? change(c) : c)];

    internal static ImmutableHashSet<string> Add(IReadOnlySet<string> set, string item) =>
        ImmutableHashSet.CreateRange(StringComparer.Ordinal, set).Add(item);

    internal static SessionDecision Shared(SessionState state) => new(state, SessionRefusal.None, SharedCardChanged: true);

    internal static SessionDecision Quiet(SessionState state) => new(state, SessionRefusal.None, SharedCardChanged: false);

    internal static SessionDecision Refuse(SessionState state, SessionRefusal refusal) => new(state, refusal, SharedCardChanged: false);
}
