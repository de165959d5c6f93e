using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>One evaluation question and the article ids that answer it (none: the bot should abstain).</summary>
public sealed record EvaluationQuestion(string Question, IReadOnlyList<string> Expected, int Line)
{
    public bool InScope => Expected.Count > 0;

    /// <summary>Reads an evaluation file: a YAML list of <c>q</c> (the question) and <c>expect</c> (article ids, or [] to abstain).</summary>
    public static IReadOnlyList<EvaluationQuestion> Parse(string yaml, string fileName, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (YamlTree.Read(yaml, fileName, 1, problems) is not YamlList list)
        {
            problems.Add(new KnowledgeProblem(fileName, 1, "het bestand is geen lijst van vragen"));
            return [];
        }

        var questions = new List<EvaluationQuestion>();
        foreach (var map in list.Items.OfType<YamlMap>())
        {
            if (map["q"] is YamlText question && map["expect"] is YamlList expected)
            {
                questions.Add(new EvaluationQuestion(question.Value, [.. expected.Items.OfType<YamlText>().Select(t => t.Value)], map.Line));
            }
            else
            {
                problems.Add(new KnowledgeProblem(fileName, map.Line, "elke vraag heeft q en expect nodig"));
            }
        }

        return questions;
    }
}

/// <summary>The answer-quality figures of the knowledge issue: top-1 accuracy, top-3 recall and abstention accuracy.</summary>
public sealed record EvaluationReport(int Questions, double Top1, double Top3, double Abstention, IReadOnlyList<string> Misses)
{
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"top-1 accuracy {Top1:P1}, top-3 recall {Top3:P1}, abstention accuracy {Abstention:P1} ({Questions} questions)");
}

/// <summary>Runs evaluation questions through the answerer and scores the answers against the expected articles.</summary>
public static class AnswerEvaluation
{
    /// <param name="onAnswered">Called for every question the answerer answered, e.g. to try a generated answer too.</param>
    public static async Task<EvaluationReport> MeasureAsync(
        Answerer answerer, KnowledgeSearch search, IReadOnlyList<EvaluationQuestion> questions, Func<Answer, Task>? onAnswered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(questions);
        int inScope = 0, top1 = 0, top3 = 0, decisions = 0;
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var answer = await answerer.AnswerAsync(question.Question, previous: null, tenantId: string.Empty, cancellationToken);
            var answered = answer.Kind == AnswerKind.Answered;
            if (answered && onAnswered is not null)
            {
                await onAnswered(answer);
            }

            var ranked = search.Search(question.Question, 3).Select(h => h.Article.Id).ToList();
            if (question.InScope)
            {
                inScope++;
                var right = answered && question.Expected.Contains(answer.Hit!.Article.Id);
                top1 += right ? 1 : 0;
                top3 += ranked.Any(question.Expected.Contains) ? 1 : 0;
                decisions += answered ? 1 : 0;
                if (!right)
                {
                    misses.Add($"'{question.Question}' expected {string.Join("/", question.Expected)}, got {(answered ? answer.Hit!.Article.Id : "abstain")} [{string.Join(", ", ranked)}] {CoverageOf(search, question.Question):0.00}");
                }
            }
            else
            {
                decisions += answered ? 0 : 1;
                if (answered)
                {
                    misses.Add($"'{question.Question}' should abstain, answered {answer.Hit!.Article.Id} {answer.Hit.Coverage:0.00}");
                }
            }
        }

        return new EvaluationReport(questions.Count, Ratio(top1, inScope), Ratio(top3, inScope), Ratio(decisions, questions.Count), misses);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static double CoverageOf(KnowledgeSearch search, string question)
    {
        var hits = search.Search(question, 1);
        return hits.Count > 0 ? hits[0].Coverage : 0;
    }
}
