using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// The evaluation questions (tests/Weerbaar.Tests/Knowledge/evaluation-questions.yaml), written apart from the
/// articles, the way officials type. Split in two halves: one to calibrate the threshold on, one to report on.
/// </summary>
public static class EvaluationSet
{
    private static readonly Lazy<IReadOnlyList<EvaluationQuestion>> Loaded = new(Read);

    public static IReadOnlyList<EvaluationQuestion> All => Loaded.Value;

    /// <summary>Every other question: in-scope and out-of-scope questions fall in both halves.</summary>
    public static IReadOnlyList<EvaluationQuestion> CalibrationHalf => [.. All.Where((_, i) => i % 2 == 0)];

    public static IReadOnlyList<EvaluationQuestion> ReportHalf => [.. All.Where((_, i) => i % 2 == 1)];

    private static IReadOnlyList<EvaluationQuestion> Read()
    {
        var path = RepoPaths.Of("tests", "Weerbaar.Tests", "Knowledge", "evaluation-questions.yaml");
        var problems = new List<KnowledgeProblem>();
        var questions = EvaluationQuestion.Parse(File.ReadAllText(path), "evaluation-questions.yaml", problems);
        Assert.Empty(problems);
        return questions;
    }
}
