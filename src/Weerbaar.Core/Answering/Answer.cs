namespace Weerbaar.Core.Answering;

/// <summary>What the answerer made of a question.</summary>
public enum AnswerKind
{
    /// <summary>The published knowledge holds no answer; the bot says so honestly.</summary>
    NotKnown,
}

/// <summary>The answer to one question.</summary>
/// <param name="Kind">Whether an answer was found.</param>
/// <param name="Question">The question as the answerer read it (trimmed).</param>
public sealed record Answer(AnswerKind Kind, string Question);
