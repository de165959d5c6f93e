using System.Text.RegularExpressions;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>
/// One evaluation question and the article ids that answer it (none: the bot should abstain). <see cref="Topic"/> groups
/// questions by subject; <see cref="Fact"/> is a case-insensitive regular expression for the asked fact, which the
/// answer a user sees must hold.
/// </summary>
public sealed record EvaluationQuestion(string Question, IReadOnlyList<string> Expected, int Line, string? Topic = null, string? Fact = null)
{
    /// <summary>The topic of questions that share words with the knowledge but are not answered by it.</summary>
    public const string NearMissTopic = "near-miss";

    public bool InScope => Expected.Count > 0;

    public bool IsNearMiss => Topic == NearMissTopic;

    /// <summary>
    /// Reads an evaluation file: a YAML list of <c>q</c> (the question), <c>expect</c> (article ids, or [] to abstain) and
    /// optionally <c>topic</c> and <c>fact</c> (a regular expression).
    /// </summary>
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
                var topic = (map["topic"] as YamlText)?.Value.Trim();
                var fact = (map["fact"] as YamlText)?.Value.Trim();
                if (!string.IsNullOrEmpty(fact) && !IsPattern(fact))
                {
                    problems.Add(new KnowledgeProblem(fileName, map.Line, "fact is geen geldige reguliere expressie"));
                }

                questions.Add(new EvaluationQuestion(question.Value, [.. expected.Items.OfType<YamlText>().Select(t => t.Value)], map.Line,
                    string.IsNullOrEmpty(topic) ? null : topic, string.IsNullOrEmpty(fact) ? null : fact));
            }
            else
            {
                problems.Add(new KnowledgeProblem(fileName, map.Line, "elke vraag heeft q en expect nodig"));
            }
        }

        return questions;
    }

    /// <summary>Whether <paramref name="shown"/> (the answer as the user reads it) holds the asked fact.</summary>
    public bool FactShownIn(string shown) =>
        Fact is not null && Regex.IsMatch(shown, Fact, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static bool IsPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>
/// The answer-quality figures: top-1 accuracy, top-3 recall and abstention accuracy over the questions that are not
/// near misses, and on their own line the share of near misses the answerer abstained on.
/// </summary>
public sealed record EvaluationReport(int Questions, double Top1, double Top3, double Abstention, IReadOnlyList<string> Misses, int NearMisses = 0, double NearMissAbstention = 0)
{
    public override string ToString()
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var headline = string.Create(culture, $"top-1 accuracy {Top1:P1}, top-3 recall {Top3:P1}, abstention accuracy {Abstention:P1} ({Questions} questions)");
        return NearMisses == 0 ? headline : headline + string.Create(culture, $"; near misses abstained {NearMissAbstention:P1} ({NearMisses} questions)");
    }
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
        int inScope = 0, top1 = 0, top3 = 0, decisions = 0, nearMisses = 0, nearMissesAbstained = 0;
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
            if (question.IsNearMiss)
            {
                nearMisses++;
                nearMissesAbstained += answered ? 0 : 1;
                if (answered)
                {
                    misses.Add($"near miss '{question.Question}' should abstain, answered {answer.Hit!.Article.Id} {answer.Hit.Coverage:0.00}");
                }
            }
            else if (question.InScope)
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

        var headline = questions.Count - nearMisses;
        return new EvaluationReport(headline, Ratio(top1, inScope), Ratio(top3, inScope), Ratio(decisions, headline), misses, nearMisses, Ratio(nearMissesAbstained, nearMisses));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static double CoverageOf(KnowledgeSearch search, string question)
    {
        var hits = search.Search(question, 1);
        return hits.Count > 0 ? hits[0].Coverage : 0;
    }
}
