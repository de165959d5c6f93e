using System.Globalization;
using System.Text.RegularExpressions;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Answering;

/// <summary>What a question in the outcome evaluation should get.</summary>
public enum ExpectedOutcome
{
    /// <summary>A sentence of the knowledge gives the asked detail (<see cref="OutcomeQuestion.Fact"/>).</summary>
    Answered,

    /// <summary>The topic is in the knowledge, the asked detail is not.</summary>
    Partial,

    /// <summary>Outside the knowledge.</summary>
    NotKnown,

    /// <summary>A request for work the bot does not do.</summary>
    Task,
}

/// <summary>
/// One question of the outcome evaluation: the expected outcome, for <see cref="ExpectedOutcome.Answered"/> the asked
/// fact as a case-insensitive regular expression, and whether it shares words with the knowledge (a near miss).
/// </summary>
public sealed record OutcomeQuestion(string Question, ExpectedOutcome Outcome, string? Fact, bool Near, int Line)
{
    /// <summary>Reads a YAML list of <c>q</c>, <c>outcome</c> (answered, partial, not_known, task), <c>fact</c> and <c>near</c>.</summary>
    public static IReadOnlyList<OutcomeQuestion> Parse(string yaml, string fileName, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (YamlTree.Read(yaml, fileName, 1, problems) is not YamlList list)
        {
            problems.Add(new KnowledgeProblem(fileName, 1, "het bestand is geen lijst van vragen"));
            return [];
        }

        var questions = new List<OutcomeQuestion>();
        foreach (var map in list.Items.OfType<YamlMap>())
        {
            var question = (map["q"] as YamlText)?.Value;
            var outcome = (map["outcome"] as YamlText)?.Value switch
            {
                "answered" => ExpectedOutcome.Answered,
                "partial" => ExpectedOutcome.Partial,
                "not_known" => ExpectedOutcome.NotKnown,
                "task" => ExpectedOutcome.Task,
                _ => (ExpectedOutcome?)null,
            };
            var fact = (map["fact"] as YamlText)?.Value.Trim();
            if (question is null || outcome is null || (outcome == ExpectedOutcome.Answered && string.IsNullOrEmpty(fact)))
            {
                problems.Add(new KnowledgeProblem(fileName, map.Line, "elke vraag heeft q en outcome nodig, en een beantwoorde vraag ook fact"));
                continue;
            }

            questions.Add(new OutcomeQuestion(question, outcome.Value, string.IsNullOrEmpty(fact) ? null : fact,
                (map["near"] as YamlText)?.Value == "true", map.Line));
        }

        return questions;
    }

    /// <summary>Whether the answer gives the expected outcome: for answered questions, with the fact in its answering sentence.</summary>
    public bool IsRightFor(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Outcome switch
        {
            ExpectedOutcome.Answered => answer.Kind == AnswerKind.Answered && answer.AnswerSentence is string sentence
                && Regex.IsMatch(sentence, Fact!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            ExpectedOutcome.Partial => answer.Kind == AnswerKind.Partial,
            ExpectedOutcome.NotKnown => answer.Kind is AnswerKind.NotKnown or AnswerKind.Partial,
            _ => answer.Kind == AnswerKind.Task,
        };
    }
}

/// <summary>One figure of the outcome evaluation: how many of how many, with its 95 % Wilson interval.</summary>
public sealed record OutcomeFigure(string Name, int Hits, int Total)
{
    public double Rate => Total == 0 ? 1 : (double)Hits / Total;

    public (double Low, double High) Interval
    {
        get
        {
            if (Total == 0)
            {
                return (0, 1);
            }

            const double Z = 1.96;
            var p = Rate;
            var centre = (p + (Z * Z / (2 * Total))) / (1 + (Z * Z / Total));
            var margin = Z * Math.Sqrt((p * (1 - p) / Total) + (Z * Z / (4.0 * Total * Total))) / (1 + (Z * Z / Total));
            return (Math.Max(0, centre - margin), Math.Min(1, centre + margin));
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Hits}/{Total} = {Rate:P1} (95 % interval {Interval.Low:P1}–{Interval.High:P1})");
}

/// <summary>
/// The outcome evaluation: runs questions through the answerer and counts, per expected outcome, the answers a user
/// can rely on. <c>fact shown</c>: answered with the fact in the answering sentence; <c>not answered as known</c>: a
/// partial, not-known or task question that is not given an answer as if the knowledge held it; <c>partial
/// recall</c>: partial questions that get the partial reply.
/// </summary>
public static class OutcomeEvaluation
{
    public static async Task<(IReadOnlyList<OutcomeFigure> Figures, IReadOnlyList<string> Misses)> MeasureAsync(
        Answerer answerer, IReadOnlyList<OutcomeQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(questions);
        var results = new List<(OutcomeQuestion Question, Answer Answer)>();
        foreach (var question in questions)
        {
            results.Add((question, await answerer.AnswerAsync(question.Question, previous: null, tenantId: string.Empty, cancellationToken)));
        }

        OutcomeFigure Figure(string name, Func<OutcomeQuestion, bool> which, Func<OutcomeQuestion, Answer, bool> right)
        {
            var chosen = results.Where(r => which(r.Question)).ToList();
            return new OutcomeFigure(name, chosen.Count(r => right(r.Question, r.Answer)), chosen.Count);
        }

        static bool NotAsKnown(OutcomeQuestion _, Answer answer) => answer.Kind != AnswerKind.Answered;
        var figures = new List<OutcomeFigure>
        {
            Figure("fact shown", q => q.Outcome == ExpectedOutcome.Answered, (q, a) => q.IsRightFor(a)),
            Figure("not answered as known", q => q.Outcome != ExpectedOutcome.Answered, NotAsKnown),
            Figure("not answered as known, partial", q => q.Outcome == ExpectedOutcome.Partial, NotAsKnown),
            Figure("not answered as known, not known", q => q.Outcome == ExpectedOutcome.NotKnown, NotAsKnown),
            Figure("not answered as known, task", q => q.Outcome == ExpectedOutcome.Task, NotAsKnown),
            Figure("not answered as known, near misses", q => q.Outcome != ExpectedOutcome.Answered && q.Near, NotAsKnown),
            Figure("partial recall", q => q.Outcome == ExpectedOutcome.Partial, (q, a) => q.IsRightFor(a)),
            Figure("task recall", q => q.Outcome == ExpectedOutcome.Task, (q, a) => q.IsRightFor(a)),
        };
        var misses = results.Where(r => !r.Question.IsRightFor(r.Answer))
            .Select(r => string.Create(CultureInfo.InvariantCulture,
                $"line {r.Question.Line} [{r.Question.Outcome}] '{r.Question.Question}' → {r.Answer.Kind} {r.Answer.Hit?.Article.Id} {r.Answer.Hit?.Coverage:0.00}: {r.Answer.AnswerSentence}"))
            .ToList();
        return (figures, misses);
    }
}
