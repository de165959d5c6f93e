using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Core.Answering;

/// <summary>How the answerer decides. Bound from the <c>Answering</c> section.</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Answering";

    /// <summary>
    /// The least coverage (share of the question's weighted terms found in the best article) at which the bot
    /// answers; below it, it says it does not know. Calibrated on the evaluation set (tests/…/evaluation-questions.yaml).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.15;

    /// <summary>Characters of a question that are read; the rest is ignored and the user is told.</summary>
    [Range(50, 10_000)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>About how many words the quoted passage has; it is cut at a sentence boundary.</summary>
    [Range(30, 400)]
    public int PassageWords { get; set; } = 120;
}
