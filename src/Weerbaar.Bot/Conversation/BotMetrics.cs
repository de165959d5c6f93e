using System.Diagnostics.Metrics;
using Microsoft.Bot.Schema;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Generation;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Weerbaar's own meter: turns, answers, abstentions and gesprekstool sessions. Tags only ever hold values from a
/// short fixed list (activity types, answer kinds), never text, ids or names: what a user typed must not leak into
/// metrics, and an open-ended tag would grow the scrape without bound.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "Weerbaar";

    // Teams redelivers after about 15 s and the model budget is 8 s, so the buckets resolve that range, not just the
    // default's sub-second detail.
    private static readonly double[] TurnDurationBuckets = [5, 10, 25, 50, 100, 250, 500, 1000, 2000, 4000, 8000, 12000, 15000, 30000];

    // The types a Teams channel sends; anything else is counted as "other" so a caller cannot invent tag values.
    private static readonly HashSet<string> KnownActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete,
        ActivityTypes.Event,
        ActivityTypes.Typing,
        ActivityTypes.EndOfConversation,
    };

    private static readonly int[] DatabaseBuckets = [0, 1, 2, 3, 4, 6, 8, 12, 16, 32];

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turnErrors;
    private readonly Histogram<int> _turnRoundTrips;
    private readonly Histogram<int> _turnWriteTransactions;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _answerModes;
    private readonly Counter<long> _abstentions;
    private readonly Counter<long> _sessionsStarted;
    private readonly Counter<long> _sessionsCompleted;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("weerbaar.turns", "{turn}", "Activities processed, by activity type.");
        _turnDuration = meter.CreateHistogram<double>(
            "weerbaar.turn.duration",
            "ms",
            "Time to process one activity, replies and state saving included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TurnDurationBuckets });
        _turnRoundTrips = meter.CreateHistogram<int>(
            "weerbaar.turn.db.round_trips",
            "{command}",
            "Database commands sent while processing one activity.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = DatabaseBuckets });
        _turnWriteTransactions = meter.CreateHistogram<int>(
            "weerbaar.turn.db.write_transactions",
            "{transaction}",
            "Database transactions that wrote while processing one activity.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = DatabaseBuckets });
        _turnErrors = meter.CreateCounter<long>("weerbaar.turn.errors", "{turn}", "Activities whose processing failed, by activity type.");
        _answers = meter.CreateCounter<long>("weerbaar.answers", "{answer}", "Questions answered, by kind: answered, not_known, small_talk, empty.");
        _answerModes = meter.CreateCounter<long>("weerbaar.answer.modes", "{answer}", "Answers from the knowledge, by mode (generated or extractive) and generation outcome.");
        _abstentions = meter.CreateCounter<long>("weerbaar.abstentions", "{answer}", "Questions the bot said it does not know.");
        _sessionsStarted = meter.CreateCounter<long>("weerbaar.sessions.started", "{session}", "Gesprekstool sessions started.");
        _sessionsCompleted = meter.CreateCounter<long>("weerbaar.sessions.completed", "{session}", "Gesprekstool sessions completed with a report.");
    }

    public void TurnProcessed(string? activityType, TimeSpan elapsed, int roundTrips, int writeTransactions)
    {
        var type = new KeyValuePair<string, object?>("type", Normalize(activityType));
        _turns.Add(1, type);
        _turnDuration.Record(elapsed.TotalMilliseconds, type);
        _turnRoundTrips.Record(roundTrips, type);
        _turnWriteTransactions.Record(writeTransactions, type);
    }

    public void TurnFailed(string? activityType) => _turnErrors.Add(1, new KeyValuePair<string, object?>("type", Normalize(activityType)));

    public void AnswerGiven(AnswerKind kind)
    {
        _answers.Add(1, new KeyValuePair<string, object?>("kind", kind.Label()));
        if (kind == AnswerKind.NotKnown)
        {
            _abstentions.Add(1);
        }
    }

    /// <summary>How an answer from the knowledge was given: generated by the model, or extractive (and why).</summary>
    public void AnswerMode(GenerationOutcome outcome) => _answerModes.Add(
        1,
        new KeyValuePair<string, object?>("mode", outcome == GenerationOutcome.Generated ? "generated" : "extractive"),
        new KeyValuePair<string, object?>("generation", outcome switch
        {
            GenerationOutcome.Generated => "generated",
            GenerationOutcome.NotConfigured => "not_configured",
            GenerationOutcome.RateLimited => "rate_limited",
            GenerationOutcome.TimedOut => "timed_out",
            GenerationOutcome.Failed => "failed",
            GenerationOutcome.Rejected => "rejected",
            _ => "other",
        }));

    public void SessionStarted() => _sessionsStarted.Add(1);

    public void SessionCompleted() => _sessionsCompleted.Add(1);

    private static string Normalize(string? activityType) =>
        activityType is not null && KnownActivityTypes.Contains(activityType) ? activityType : "other";
}
