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

    /// <summary>
    /// The least share of the question a section (with its heading) must hold for its sentences to answer; a
    /// confident article without such a section gives a partial answer.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinAnswerCoverage { get; set; } = 0.2;

    /// <summary>How much the sentence's own words count over those it borrows from its heading and title.</summary>
    [Range(0.0, 5.0)]
    public double OwnWordsWeight { get; set; } = 1.0;

    /// <summary>How many of the confident articles the answering sentence may come from.</summary>
    [Range(1, 6)]
    public int AnswerArticles { get; set; } = 1;

    /// <summary>How many of the best sections are searched for a sentence with the asked kind of detail.</summary>
    [Range(1, 20)]
    public int AnswerSections { get; set; } = 2;

    /// <summary>How much a lower-ranked article's section loses against the first article's.</summary>
    [Range(0.0, 1.0)]
    public double RankPenalty { get; set; } = 0.05;

    /// <summary>How much an exact phrase of the asked kind (a full date, a number with its unit) counts.</summary>
    [Range(0.0, 5.0)]
    public double EvidenceWeight { get; set; } = 0.3;

    /// <summary>
    /// A second sentence of the answering section is shown first with the best one when it scores at least this share
    /// of the best's score (0: never). Calibrated on the calibration half of the outcome evaluation.
    /// </summary>
    [Range(0.0, 1.0)]
    public double RunnerUpShare { get; set; } = 0.3;

    /// <summary>Characters of a question that are read; the rest is ignored and the user is told.</summary>
    [Range(50, 10_000)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>About how many words the quoted passage has; it is cut at a sentence boundary.</summary>
    [Range(30, 400)]
    public int PassageWords { get; set; } = 70;
}
