using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Questions;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// Answer quality on the evaluation set: the threshold is calibrated on one half and the figures are measured on the
/// other half through the real answerer. Top-1 accuracy (in scope, answered with an expected article), top-3 recall
/// (an expected article among the first three found) and abstention accuracy (answered when in scope, abstained when
/// not) must reach 85 %, 95 % and 90 %. Near misses (questions that share words with the knowledge but are not answered
/// by it) are measured and printed on their own.
/// </summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnswerQuality_OnTheReportHalf_MeetsTheTargets()
    {
        using var index = KnowledgeIndex.Build(RepositoryKnowledge.Load.Set);
        // Near misses are reported on their own line, not yet held to a target, so they do not move the threshold either.
        var calibrated = Calibrate(index, [.. EvaluationSet.CalibrationHalf.Where(q => !q.IsNearMiss)]);

        var report = await MeasureAsync(calibrated, EvaluationSet.ReportHalf);
        var defaults = new AnswerOptions();
        var production = await MeasureAsync(defaults, EvaluationSet.ReportHalf);

        output.WriteLine($"threshold calibrated on {EvaluationSet.CalibrationHalf.Count(q => !q.IsNearMiss)} questions: {calibrated.MinCoverage:0.000} (configured default {defaults.MinCoverage:0.000})");
        output.WriteLine($"report half ({EvaluationSet.ReportHalf.Count} questions), calibrated threshold: {report}");
        output.WriteLine($"report half, configured default threshold: {production}");
        foreach (var miss in report.Misses)
        {
            output.WriteLine("  miss: " + miss);
        }

        Assert.True(report.Top1 >= 0.85, report.ToString());
        Assert.True(report.Top3 >= 0.95, report.ToString());
        Assert.True(report.Abstention >= 0.90, report.ToString());
        Assert.True(production.Top1 >= 0.85 && production.Top3 >= 0.95 && production.Abstention >= 0.90, "configured default: " + production);
    }

    /// <summary>The topics a municipal crisis adviser asks most about (issue 11), as labelled in the evaluation set.</summary>
    public static readonly string[] CrisisAdviserTopics =
    [
        "kabinet-2026", "coalitieakkoord-2026", "wodg", "navo-5-procent", "pilot-noodsteunpunten", "geld", "peilingen",
        "eu-voorraden", "buurlanden", "bevolkingszorg", "crisisstructuur", "grip", "noodbevoegdheden", "staatsnoodrecht",
        "militaire-bijstand", "cyberregels", "continuiteit", "kwetsbare-inwoners", "contactpunten",
    ];

    [Fact]
    public async Task EveryCrisisAdviserTopic_HasAtLeastThreeQuestionsWhoseAnswerCardShowsTheAskedFact()
    {
        await using var repository = await RepositoryAnswerer.CreateAsync();
        var answerer = repository.Answerer;
        var cards = new AnswerCards(new CardTemplates());

        var results = new List<(EvaluationQuestion Question, bool Shown)>();
        foreach (var question in EvaluationSet.All.Where(q => q.Fact is not null))
        {
            var answer = await answerer.AnswerAsync(question.Question, previous: null, tenantId: string.Empty, CancellationToken.None);
            results.Add((question, answer.Kind == AnswerKind.Answered && question.FactShownIn(AnswerAsShown(cards, answer))));
        }

        foreach (var topic in results.GroupBy(r => r.Question.Topic))
        {
            var report = topic.Where(r => EvaluationSet.ReportHalf.Contains(r.Question));
            output.WriteLine($"{topic.Key,-22} {topic.Count(r => r.Shown)}/{topic.Count()} show the fact (report half {report.Count(r => r.Shown)}/{report.Count()})");
            foreach (var miss in topic.Where(r => !r.Shown))
            {
                output.WriteLine($"  not shown: line {miss.Question.Line}: {miss.Question.Question}");
            }
        }

        var lacking = CrisisAdviserTopics.Where(topic => results.Count(r => r.Question.Topic == topic && r.Shown) < 3).ToList();
        Assert.True(lacking.Count == 0, "fewer than 3 questions show the fact: " + string.Join(", ", lacking));
    }

    // What the answer card shows as the answer: its text blocks above the sources (title, notes, the passage).
    private static string AnswerAsShown(AnswerCards cards, Answer answer)
    {
        var data = new AnswerCardData("token", answer.Hit!.Article.Id, answer.ArticleVersion, 0, answer.Question);
        var attachment = cards.Answer(answer.Hit.Article, data, answer.Passage!, [], FeedbackState.Open, string.Empty, answer.Truncated);
        var card = JsonNode.Parse(((Newtonsoft.Json.Linq.JObject)attachment.Content).ToString())!;
        var blocks = card["body"]!.AsArray().Select(block => block?["text"]?.GetValue<string>()).ToList();
        return string.Join("\n", blocks.TakeWhile(text => text != ConversationTexts.SourcesHeading).OfType<string>());
    }

    [Fact]
    public void EvaluationSet_IsLargeEnough_AndCoversEveryArticle()
    {
        var all = EvaluationSet.All;
        Assert.True(all.Count(q => q.InScope) >= 100, $"in scope: {all.Count(q => q.InScope)}");
        Assert.True(all.Count(q => !q.InScope) >= 20, $"out of scope: {all.Count(q => !q.InScope)}");
        var expected = all.SelectMany(q => q.Expected).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(expected, id => !RepositoryKnowledge.Load.Set.ArticlesById.ContainsKey(id));
        Assert.DoesNotContain(RepositoryKnowledge.Load.Set.Articles, article => !expected.Contains(article.Id));
    }

    [Fact]
    public void EvaluationQuestions_AreNotCopiedFromTitlesOrAlternativeQuestions()
    {
        var phrasings = RepositoryKnowledge.Load.Set.Articles
            .SelectMany(a => a.Questions.Append(a.Title).Select(q => (Text: ArticleParser.Normalize(q), a.Id)))
            .ToLookup(p => p.Text, p => p.Id);

        var copies = EvaluationSet.All.Where(q => phrasings.Contains(ArticleParser.Normalize(q.Question)))
            .Select(q => $"line {q.Line}: '{q.Question}' = {string.Join(", ", phrasings[ArticleParser.Normalize(q.Question)])}")
            .ToList();

        Assert.Empty(copies);
    }

    /// <summary>The threshold that decides most calibration questions right (answer in scope with the right article, abstain out of scope).</summary>
    internal static AnswerOptions Calibrate(KnowledgeIndex index, IReadOnlyList<EvaluationQuestion> questions)
    {
        var scored = questions.Select(q =>
        {
            var hits = index.Search(q.Question, 1);
            return (Hit: hits.Count > 0 ? hits[0] : null, Question: q);
        }).ToList();

        int Correct(AnswerOptions options) => scored.Count(s => s.Hit is not null && Answerer.IsConfident(s.Hit, options)
            ? s.Question.Expected.Contains(s.Hit.Article.Id)
            : !s.Question.InScope);

        // Among equally good thresholds take the middle one, furthest from both sides' mistakes.
        var coverages = scored.Select(s => s.Hit?.Coverage ?? 0).Append(0).Append(1).Distinct().Order().ToList();
        var results = coverages.Select(c => (Coverage: c, Correct: Correct(new AnswerOptions { MinCoverage = c }))).ToList();
        var top = results.Max(r => r.Correct);
        var ties = results.Where(r => r.Correct == top).ToList();
        return new AnswerOptions { MinCoverage = ties[ties.Count / 2].Coverage };
    }

    private static async Task<EvaluationReport> MeasureAsync(AnswerOptions thresholds, IReadOnlyList<EvaluationQuestion> questions)
    {
        await using var repository = await RepositoryAnswerer.CreateAsync(thresholds);
        return await AnswerEvaluation.MeasureAsync(repository.Answerer, repository.Search, questions, onAnswered: null, CancellationToken.None);
    }
}
