using System.Globalization;
using System.Text.RegularExpressions;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// Answers a user can rely on, measured on questions written apart from the articles with their expected outcome
/// (answered with the fact, partial, not known, task). Each half may not drop more than two questions below the
/// figures written in the README (the report half was written before the answerer changed and is never tuned to);
/// the test prints both halves with 95 % intervals and how far the calibration half is from the targets of issue 13
/// (fact shown and not answered as known 95 %, partial recall 80 %), which it does not meet yet.
/// </summary>
public sealed partial class OutcomeEvaluationTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<OutcomeQuestion>> Calibration = new(() => Read("evaluation-calibration-half.yaml"));
    private static readonly Lazy<IReadOnlyList<OutcomeQuestion>> Report = new(() => Read("evaluation-report-half.yaml"));

    private static readonly Dictionary<string, double> Targets = new(StringComparer.Ordinal)
    {
        ["fact shown"] = 0.95,
        ["not answered as known"] = 0.95,
        ["partial recall"] = 0.80,
    };

    [Fact]
    public void BothHalves_AreAsLargeAsTheIssueAsks_AndShareNoQuestion()
    {
        var all = Calibration.Value.Concat(Report.Value).ToList();

        Assert.True(all.Count >= 400, $"{all.Count} questions");
        Assert.True(all.Count(q => q.Outcome == ExpectedOutcome.Answered) >= 220);
        Assert.True(all.Count(q => q.Outcome == ExpectedOutcome.Partial) >= 60);
        Assert.True(all.Count(q => q.Outcome is ExpectedOutcome.NotKnown or ExpectedOutcome.Task) >= 120);
        Assert.True(all.Count(q => q.Outcome != ExpectedOutcome.Answered && q.Near) >= 80);
        Assert.Empty(Calibration.Value.Select(q => q.Question).Intersect(Report.Value.Select(q => q.Question), StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CalibrationHalf_DoesNotDropBelowTheReadmeFigures()
    {
        var (figures, misses) = await MeasureAsync(Calibration.Value);

        Print("calibration half", figures, misses);
        foreach (var (name, target) in Targets)
        {
            var figure = figures.Single(f => f.Name == name);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  target {name} {target:P0}: {(figure.Rate >= target ? "met" : "not met")}"));
        }

        AssertNotBelowReadme(figures, column: 2);
    }

    [Fact]
    public async Task ReportHalf_DoesNotDropBelowTheReadmeFigures()
    {
        var (figures, misses) = await MeasureAsync(Report.Value);

        Print("report half", figures, misses);
        AssertNotBelowReadme(figures, column: 1);
    }

    private static void AssertNotBelowReadme(IReadOnlyList<OutcomeFigure> figures, int column)
    {
        var written = ReadmeFigures(column);
        foreach (var figure in figures)
        {
            Assert.True(written.TryGetValue(figure.Name, out var readme), $"README.md has no figure '{figure.Name}'");
            Assert.True(figure.Hits >= readme - 2, $"{figure} dropped more than two questions below the README's {readme}/{figure.Total}");
        }
    }

    private static async Task<(IReadOnlyList<OutcomeFigure> Figures, IReadOnlyList<string> Misses)> MeasureAsync(IReadOnlyList<OutcomeQuestion> questions)
    {
        await using var repository = await RepositoryAnswerer.CreateAsync();
        return await OutcomeEvaluation.MeasureAsync(repository.Answerer, questions, CancellationToken.None);
    }

    private void Print(string half, IReadOnlyList<OutcomeFigure> figures, IReadOnlyList<string> misses)
    {
        output.WriteLine(half);
        foreach (var figure in figures)
        {
            output.WriteLine("  " + figure);
        }

        foreach (var miss in misses)
        {
            output.WriteLine("  miss: " + miss);
        }
    }

    // The README's table of figures: "| fact shown | 107 / 171 | 114 / 185 |" (report half, calibration half).
    private static Dictionary<string, int> ReadmeFigures(int column) =>
        ReadmeRow().Matches(File.ReadAllText(RepoPaths.Of("README.md")))
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => int.Parse(m.Groups[column + 1].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static IReadOnlyList<OutcomeQuestion> Read(string file)
    {
        var problems = new List<KnowledgeProblem>();
        var questions = OutcomeQuestion.Parse(File.ReadAllText(RepoPaths.Of("tests", "Weerbaar.Tests", "Knowledge", file)), file, problems);
        Assert.Empty(problems);
        return questions;
    }

    [GeneratedRegex(@"^\| (fact shown|not answered as known[^|]*|partial recall|task recall) \| (\d+) / \d+ \| (\d+) / \d+ \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
