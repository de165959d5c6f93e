using System.Text.Json;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// Random sessions: seeded sequences of commands from the facilitator and three participants at random moments, with
/// the engine's invariants checked after every decision against a model kept by the test itself.
/// </summary>
public sealed class SessionEnginePropertyTests
{
    private const int Sequences = 200;
    private const int CommandsPerSequence = 100;

    private static readonly Scenario Scenario = SessionTestData.Scenario;

    /// <summary>Bounds small enough for random sequences to reach them.</summary>
    private static readonly SessionLimits Limits = new(MaxContributionsPerStep: 2, MaxContributionsPerSession: 5);

    /// <summary>What the test expects of a contribution, kept apart from the engine's state.</summary>
    private sealed record Expected(string StepId, string QuestionId, string AuthorKey, string Text, ContributionTag? Tag);

    /// <summary>What a whole run saw, to prove the generator reaches every rule.</summary>
    private sealed class Coverage
    {
        public HashSet<string> Accepted { get; } = [];

        public HashSet<SessionRefusal> Refusals { get; } = [];

        public int Completed { get; set; }

        public int Cancelled { get; set; }
    }

    // The random sequences do not vote, merge or mark the last session's agreements (yet); those rules have their own
    // tests in SessionVotingEngineTests and SessionPreviousAgreementsTests.
    private static readonly HashSet<SessionRefusal> RefusalsTestedElsewhere =
    [
        SessionRefusal.NotRevealed, SessionRefusal.NothingToVoteOn, SessionRefusal.VotingNotOpen, SessionRefusal.VotingAlreadyOpen,
        SessionRefusal.TooManyVotes, SessionRefusal.NotInThisStep, SessionRefusal.SameContribution, SessionRefusal.NoSuchAgreement,
    ];

    [Fact]
    public void Decide_RandomSequences_KeepEveryInvariant()
    {
        var coverage = new Coverage();

        for (var seed = 0; seed < Sequences; seed++)
        {
            Run(seed, coverage);
        }

        string[] kinds =
        [
            nameof(NextStep), nameof(PreviousStep), nameof(PauseSession), nameof(ResumeSession), nameof(ExtendStep),
            nameof(RevealContributions), nameof(TagContribution), nameof(AddAgreement), nameof(Complete),
            nameof(Cancel), nameof(HandOver), nameof(TakeOver), nameof(Contribute), nameof(EditContribution),
            nameof(WithdrawContribution), nameof(MarkReady),
        ];
        Assert.All(kinds, kind => Assert.Contains(kind, coverage.Accepted));
        Assert.Equal(Enum.GetValues<SessionRefusal>().Where(r => r != SessionRefusal.None && !RefusalsTestedElsewhere.Contains(r)).ToHashSet(), coverage.Refusals);
        Assert.InRange(coverage.Completed, 10, Sequences);
        Assert.InRange(coverage.Cancelled, 5, Sequences);
    }

    [Fact]
    public void Decide_TheSameSequence_GivesTheSameSession()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.Equal(Fingerprint(Run(seed, new Coverage())), Fingerprint(Run(seed, new Coverage())));
        }
    }

    [Fact]
    public void Decide_OnAStoredAndReloadedState_DecidesTheSame()
    {
        // The session store deserializes the state before every decision; the engine must not notice.
        for (var seed = 0; seed < 10; seed++)
        {
            var random = new Random(seed);
            var (state, now) = NewSession(random);
            for (var i = 0; i < CommandsPerSequence; i++)
            {
                now += NextInterval(random);
                var (command, actor) = NextCommand(random, state, []);
                var reloaded = SessionStateJson.Deserialize(SessionStateJson.Serialize(state));

                var direct = SessionEngine.Decide(state, command, actor, Scenario, now, limits: Limits);
                var viaStore = SessionEngine.Decide(reloaded, command, actor, Scenario, now, limits: Limits);

                Assert.Equal(direct.Refusal, viaStore.Refusal);
                Assert.Equal(direct.SharedCardChanged, viaStore.SharedCardChanged);
                Assert.Equal(Fingerprint(direct.State), Fingerprint(viaStore.State));
                state = direct.State;
            }
        }
    }

    private static SessionState Run(int seed, Coverage coverage)
    {
        var random = new Random(seed);
        var (state, now) = NewSession(random);
        var model = new Dictionary<Guid, Expected>();
        var seenIds = new List<Guid>();
        SessionState? closed = null;

        for (var i = 0; i < CommandsPerSequence; i++)
        {
            now += NextInterval(random);
            var (command, actor) = NextCommand(random, state, seenIds);
            var before = state;
            var decision = SessionEngine.Decide(before, command, actor, Scenario, now, limits: Limits);
            try
            {
                var expected = ExpectedRefusal(before, command, actor, now);
                Check(expected == decision.Refusal, $"refusal {decision.Refusal}, expected {expected}");
                CheckDecision(before, command, actor, now, decision, model);
                Check(closed is null || ReferenceEquals(closed, decision.State), "a closed session changed");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Assert.Fail($"Seed {seed}, command {i}: {command} by {actor} at {now:O} on a {before.Status} session at step {before.StepIndex}.{Environment.NewLine}{e}");
            }

            state = decision.State;
            seenIds.AddRange(state.Contributions.Select(c => c.Id).Except(seenIds));
            if (decision.Accepted)
            {
                coverage.Accepted.Add(command.GetType().Name);
                coverage.Completed += state.Status == SessionStatus.Completed ? 1 : 0;
                coverage.Cancelled += state.Status == SessionStatus.Cancelled ? 1 : 0;
            }
            else
            {
                coverage.Refusals.Add(decision.Refusal);
            }

            closed ??= state.IsOpen ? null : state;
        }

        return state;
    }

    private static void CheckDecision(SessionState before, SessionCommand command, string actor, DateTimeOffset now, SessionDecision decision, Dictionary<Guid, Expected> model)
    {
        // Plain conditions rather than xunit's asserts: 20,000 decisions × a dozen checks must stay well under a second.
        var after = decision.State;

        // Refused commands never change the state, and a closed session never changes again.
        Check(decision.Accepted || (ReferenceEquals(before, after) && !decision.SharedCardChanged), "a refused command changed the state");
        Check(before.IsOpen || decision.Refusal == SessionRefusal.SessionClosed, "a closed session accepted a command");

        // What never changes.
        Check(before.Id == after.Id && ReferenceEquals(before.Settings, after.Settings), "the id or settings changed");

        // The step stays in range and only the facilitator of the moment moves it, one step at a time.
        Check(after.StepIndex >= 0 && after.StepIndex < after.Settings.StepIds.Count, "the step index left the steps");
        if (after.StepIndex != before.StepIndex)
        {
            Check(decision.Accepted && command is NextStep or PreviousStep, "something else than next/previous changed the step");
            Check(actor == before.FacilitatorKey, "someone else than the facilitator changed the step");
            Check(after.StepIndex - before.StepIndex == (command is NextStep ? 1 : -1), "the step moved more than one");
            Check(after.ReadyKeys.Count == 0, "ready keys survived a step change");
            Check(after.StepStartedAt == now, "the step did not start now");
            Check(after.StepEndsAt == now + SessionEngine.Duration(after, Scenario, after.StepIndex), "the step does not end after its duration");
        }

        // The facilitator is always someone of the conversation, and only a hand-over or take-over changes who.
        Check(SessionTestData.Actors.Contains(after.FacilitatorKey), "the facilitator is not one of the actors");
        Check(after.FacilitatorKey == before.FacilitatorKey || command is HandOver or TakeOver, "the facilitator changed by another command");

        // The timer.
        if (after.IsOpen)
        {
            Check((after.Status == SessionStatus.Paused) == after.RemainingWhenPaused is not null, "paused and remaining time disagree");
            Check(after.RemainingWhenPaused is null || after.RemainingWhenPaused >= TimeSpan.Zero, "negative remaining time");
            Check(after.StepEndsAt >= after.StepStartedAt, "the step ends before it started");
        }

        // The shared card is redrawn exactly for accepted facilitator actions and step changes.
        Check(
            !decision.Accepted || decision.SharedCardChanged == command is not (Contribute or EditContribution or WithdrawContribution or MarkReady),
            "SharedCardChanged is wrong");

        // Completion only happens at the last step with agreements.
        Check(
            after.Status != SessionStatus.Completed || before.Status == SessionStatus.Completed
                || (command is Complete && after.IsAtLastStep() && after.Agreements.Count > 0),
            "completed without being at the last step with agreements");

        Check(after.ReadyKeys.All(SessionTestData.Actors.Contains), "a ready key of nobody");

        // Agreements are valid and distinct.
        Check(after.Agreements.Select(a => a.Id).Distinct().Count() == after.Agreements.Count, "duplicate agreement ids");
        Check(
            after.Agreements.All(a => a.What.Length is >= 1 and <= 300 && a.OwnerRole.Length is >= 1 and <= 100 && a.What.Trim() == a.What),
            "an invalid agreement");

        // No accepted contribution is ever lost: the contributions are exactly those accepted, minus those withdrawn,
        // with edits and tags applied, each still by its author and in the step and question it was made for.
        if (decision.Accepted)
        {
            Apply(before, command, actor, after, model);
        }

        Check(after.Contributions.Count == model.Count, "the number of contributions differs from the model");
        foreach (var c in after.Contributions)
        {
            Check(
                model.TryGetValue(c.Id, out var expected) && expected == new Expected(c.StepId, c.QuestionId, c.AuthorKey, c.Text, c.Tag),
                $"contribution {c.Id} differs from the model");
            Check(
                after.Settings.StepIds.Contains(c.StepId) && Scenario.Step(c.StepId)!.Questions.Any(q => q.Id == c.QuestionId) && c.Text.Length is >= 1 and <= 1000,
                $"contribution {c.Id} is invalid");
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            Assert.Fail(problem);
        }
    }

    private static void Apply(SessionState before, SessionCommand command, string actor, SessionState after, Dictionary<Guid, Expected> model)
    {
        switch (command)
        {
            case Contribute contribute:
                var added = after.Contributions.Select(c => c.Id).Except(before.Contributions.Select(c => c.Id)).ToList();
                Check(added.Count == 1 && !model.ContainsKey(added[0]), "a contribution did not add exactly one new id");
                model[added[0]] = new Expected(before.CurrentStepId, contribute.QuestionId, actor, contribute.Text.Trim(), null);
                break;
            case EditContribution edit:
                Check(model[edit.ContributionId].AuthorKey == actor, "someone edited another's contribution");
                Check(model[edit.ContributionId].StepId == before.CurrentStepId, "a contribution of another step was edited");
                model[edit.ContributionId] = model[edit.ContributionId] with { Text = edit.Text.Trim() };
                break;
            case WithdrawContribution withdraw:
                Check(model[withdraw.ContributionId].AuthorKey == actor, "someone withdrew another's contribution");
                Check(model[withdraw.ContributionId].StepId == before.CurrentStepId, "a contribution of another step was withdrawn");
                model.Remove(withdraw.ContributionId);
                break;
            case TagContribution tag:
                model[tag.ContributionId] = model[tag.ContributionId] with { Tag = tag.Tag };
                break;
            default:
                break;
        }
    }

    /// <summary>The rules once more, written independently of the engine, as the oracle for every random command.</summary>
    private static SessionRefusal ExpectedRefusal(SessionState state, SessionCommand command, string actor, DateTimeOffset now)
    {
        if (state.Status is SessionStatus.Completed or SessionStatus.Cancelled)
        {
            return SessionRefusal.SessionClosed;
        }

        var isFacilitator = actor == state.FacilitatorKey;
        var facilitatorOnly = command is not (TakeOver or Contribute or EditContribution or WithdrawContribution or MarkReady);
        if (facilitatorOnly && !isFacilitator)
        {
            return SessionRefusal.NotFacilitator;
        }

        var last = state.Settings.StepIds.Count - 1;
        var stepId = state.Settings.StepIds[state.StepIndex];
        var paused = state.Status == SessionStatus.Paused;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Contribution? Find(Guid id) => state.Contributions.SingleOrDefault(c => c.Id == id);
        static SessionRefusal Text(string text) =>
            text.Trim().Length == 0 ? SessionRefusal.EmptyText : text.Trim().Length > 1000 ? SessionRefusal.TextTooLong : SessionRefusal.None;
        SessionRefusal Own(Guid id) => Find(id) switch
        {
            null => SessionRefusal.NoSuchContribution,
            { AuthorKey: var author } when author != actor => SessionRefusal.NotYourContribution,
            { StepId: var step } when step != stepId => SessionRefusal.StepOver,
            _ => SessionRefusal.None,
        };
        static SessionRefusal Either(SessionRefusal first, SessionRefusal second) => first != SessionRefusal.None ? first : second;
        var mine = state.Contributions.Where(c => c.AuthorKey == actor).ToList();
        var bound = mine.Count(c => c.StepId == stepId) >= Limits.MaxContributionsPerStep ? SessionRefusal.TooManyInStep
            : mine.Count >= Limits.MaxContributionsPerSession ? SessionRefusal.TooManyInSession
            : SessionRefusal.None;

        return command switch
        {
            NextStep => state.StepIndex == last ? SessionRefusal.AlreadyLastStep : SessionRefusal.None,
            PreviousStep => state.StepIndex == 0 ? SessionRefusal.AlreadyFirstStep : SessionRefusal.None,
            PauseSession => paused ? SessionRefusal.AlreadyPaused : SessionRefusal.None,
            ResumeSession => paused ? SessionRefusal.None : SessionRefusal.NotPaused,
            ExtendStep { Minutes: >= 1 and <= 30 } => SessionRefusal.None,
            ExtendStep => SessionRefusal.InvalidValue,
            RevealContributions => state.Settings.Anonymous && state.Contributions.Count(c => c.StepId == stepId) < 3
                ? SessionRefusal.NotEnoughToReveal
                : SessionRefusal.None,
            TagContribution { Tag: { } tag } when !Enum.IsDefined(tag) => SessionRefusal.InvalidValue,
            TagContribution tag => Find(tag.ContributionId) is null ? SessionRefusal.NoSuchContribution : SessionRefusal.None,
            AddAgreement a => a.What.Trim().Length is >= 1 and <= 300 && a.OwnerRole.Trim().Length is >= 1 and <= 100 && a.Due >= today
                ? SessionRefusal.None
                : SessionRefusal.InvalidValue,
            Complete when state.StepIndex != last => SessionRefusal.NotLastStep,
            Complete => state.Agreements.Count == 0 ? SessionRefusal.NeedsAgreement : SessionRefusal.None,
            Cancel => SessionRefusal.None,
            HandOver h => string.IsNullOrWhiteSpace(h.ToKey) || h.ToKey == actor ? SessionRefusal.InvalidValue : SessionRefusal.None,
            TakeOver when isFacilitator => SessionRefusal.InvalidValue,
            TakeOver t => t.FacilitatorHasLeft ? SessionRefusal.None : SessionRefusal.FacilitatorStillHere,
            Contribute c => Scenario.Step(stepId)!.Questions.Any(q => q.Id == c.QuestionId) ? Either(Text(c.Text), bound) : SessionRefusal.NoSuchQuestion,
            EditContribution e => Either(Own(e.ContributionId), Text(e.Text)),
            WithdrawContribution w => Own(w.ContributionId),
            MarkReady => SessionRefusal.None,
            _ => throw new InvalidOperationException(command.ToString()),
        };
    }

    private static (SessionState State, DateTimeOffset Now) NewSession(Random random)
    {
        // A random selection of steps, sometimes without the closing step (Start adds it), never empty.
        var steps = SessionTestData.AllStepIds.Where(_ => random.Next(3) > 0).ToList();
        if (steps.Count == 0)
        {
            steps.Add(SessionTestData.AllStepIds[random.Next(SessionTestData.AllStepIds.Count)]);
        }

        var settings = SessionTestData.Settings(steps, SessionEngine.AllowedTotalMinutes[random.Next(3)], anonymous: random.Next(2) == 0);
        var now = SessionTestData.T0.AddMinutes(random.Next(0, 24 * 60));
        var id = new Guid(Bytes(random, 16));
        return (SessionEngine.Start(id, settings, SessionTestData.Facilitator, Scenario, now), now);
    }

    /// <summary>Mostly a few minutes, sometimes the very same moment, now and then a long break.</summary>
    private static TimeSpan NextInterval(Random random) => random.Next(10) switch
    {
        0 => TimeSpan.Zero,
        9 => TimeSpan.FromMinutes(random.Next(20, 24 * 60)),
        _ => TimeSpan.FromSeconds(random.Next(1, 600)),
    };

    private static (SessionCommand Command, string Actor) NextCommand(Random random, SessionState state, IReadOnlyList<Guid> seenIds)
    {
        // Half of the commands come from whoever facilitates at the moment, so facilitator actions are often accepted.
        var actor = random.Next(2) == 0 ? state.FacilitatorKey : SessionTestData.Actors[random.Next(SessionTestData.Actors.Count)];
        var roll = random.Next(1000);
        SessionCommand command = roll switch
        {
            < 120 => new NextStep(),
            < 160 => new PreviousStep(),
            < 200 => new PauseSession(),
            < 240 => new ResumeSession(),
            < 280 => new ExtendStep(random.Next(-2, 34)),
            < 330 => new RevealContributions(),
            < 380 => new TagContribution(PickContribution(random, state, seenIds), PickTag(random)),
            < 460 => new AddAgreement(PickText(random, 300), PickText(random, 100), DateOnly.FromDateTime(SessionTestData.T0.UtcDateTime).AddDays(random.Next(-3, 60))),
            < 500 => new Complete(),
            < 504 => new Cancel(),
            < 530 => new HandOver(random.Next(5) switch
            {
                0 => "",
                1 => " ",
                _ => SessionTestData.Actors[random.Next(SessionTestData.Actors.Count)],
            }),
            < 560 => new TakeOver(random.Next(2) == 0),
            < 800 => new Contribute(PickQuestion(random, state), PickText(random, 1000)),
            < 880 => new EditContribution(PickContribution(random, state, seenIds), PickText(random, 1000)),
            < 940 => new WithdrawContribution(PickContribution(random, state, seenIds)),
            _ => new MarkReady(),
        };
        return (command, actor);
    }

    private static string PickQuestion(Random random, SessionState state)
    {
        var roll = random.Next(10);
        var stepId = roll < 8 ? state.CurrentStepId : SessionTestData.AllStepIds[random.Next(SessionTestData.AllStepIds.Count)];
        var questions = Scenario.Step(stepId)!.Questions;
        return roll == 9 ? "bestaat-niet" : questions[random.Next(questions.Count)].Id;
    }

    private static Guid PickContribution(Random random, SessionState state, IReadOnlyList<Guid> seenIds) => random.Next(10) switch
    {
        < 7 when state.Contributions.Count > 0 => state.Contributions[random.Next(state.Contributions.Count)].Id,
        < 9 when seenIds.Count > 0 => seenIds[random.Next(seenIds.Count)],
        _ => new Guid(Bytes(random, 16)),
    };

    private static ContributionTag? PickTag(Random random) => random.Next(5) switch
    {
        0 => null,
        4 => (ContributionTag)random.Next(3, 10),
        var n => (ContributionTag)(n - 1),
    };

    private static string PickText(Random random, int maxLength) => random.Next(12) switch
    {
        0 => "",
        1 => "  \n\t ",
        2 => new string('a', maxLength),
        3 => " " + new string('b', maxLength) + "\n",
        4 => new string('c', maxLength + 1),
        5 => "Wij hebben één aggregaat — 🔋 voor 4 uur.",
        _ => $"  Punt {random.Next(1000)}  ",
    };

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Fingerprint(SessionState state) => JsonSerializer.Serialize(new
    {
        state.Id,
        state.Status,
        state.StepIndex,
        state.StepStartedAt,
        state.StepEndsAt,
        state.RemainingWhenPaused,
        state.FacilitatorKey,
        Contributions = state.Contributions.Select(c => new { c.Id, c.StepId, c.QuestionId, c.AuthorKey, c.Text, c.Tag, c.At }),
        Agreements = state.Agreements.Select(a => new { a.Id, a.What, a.OwnerRole, a.Due }),
        Revealed = state.RevealedSteps.Order(),
        Ready = state.ReadyKeys.Order(),
    });
}
