namespace Weerbaar.Core.Generation;

/// <summary>How an attempt at a generated answer ended.</summary>
public enum GenerationOutcome
{
    /// <summary>A checked, cited answer.</summary>
    Generated,

    /// <summary>No model configured: extractive answers, as always.</summary>
    NotConfigured,

    /// <summary>The user reached the hourly allowance of generated answers.</summary>
    RateLimited,

    /// <summary>The model did not answer within the budget.</summary>
    TimedOut,

    /// <summary>The call failed (an error status after retries, a network error, or the circuit breaker is open).</summary>
    Failed,

    /// <summary>The model answered, but the reply check refused the answer.</summary>
    Rejected,
}

/// <summary>A generated answer: the text with its <c>[n]</c> citations, and the passages it cites, in order.</summary>
public sealed record GeneratedAnswer(string Text, IReadOnlyList<GroundedPassage> Cited);

/// <summary>The result of an attempt; only <see cref="GenerationOutcome.Generated"/> carries an answer.</summary>
public sealed record GenerationResult(GenerationOutcome Outcome)
{
    public GeneratedAnswer? Answer { get; init; }

    /// <summary>Why the reply was refused (when <see cref="GenerationOutcome.Rejected"/>).</summary>
    public ReplyVerdict Verdict { get; init; }

    public static GenerationResult Of(GenerationOutcome outcome) => new(outcome);
}
