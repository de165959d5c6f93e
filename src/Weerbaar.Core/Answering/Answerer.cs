using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>
/// Answers a question from the published knowledge, extractively: the sentence that gives the asked detail, with
/// its context and sources. Four outcomes: answered; partial (the topic is known, the asked detail is not — it says
/// so and offers the article); not known (below the confidence threshold: it says so and offers the nearest topics);
/// task (a request for work it does not do). Partial and not-known questions are kept, without any user id, for admins.
/// </summary>
public sealed class Answerer(KnowledgeSearch search, UnansweredQuestionLog unanswered, IOptions<AnswerOptions> options, ILogger<Answerer> logger)
{
    private const int FollowUpCount = 3;
    private const int CandidateCount = 6;
    private const int ShortFollowUpWords = 6;
    private const int FragmentWords = 3;

    private static readonly string[] ContinuationStarts = ["en ", "ook ", "maar ", "wat als ", "en als ", "geldt dat ", "geldt dit ", "hoe zit het met ", "wat over ", "wat voor "];

    /// <param name="tenantId">The Entra tenant of the conversation: an unanswered question is kept for that tenant's admins.</param>
    public async Task<Answer> AnswerAsync(string question, AnswerContext? previous, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(question);
        var settings = options.Value;
        var text = question.Trim();
        var truncated = text.Length > settings.MaxQuestionLength;
        if (truncated)
        {
            text = text[..settings.MaxQuestionLength];
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            return new Answer(AnswerKind.Empty, text);
        }

        if (SmallTalk.Recognize(text) is SmallTalkKind kind)
        {
            return new Answer(AnswerKind.SmallTalk, text) { SmallTalk = kind, Truncated = truncated };
        }

        if (TaskRequest.Recognize(text))
        {
            return new Answer(AnswerKind.Task, text) { Truncated = truncated };
        }

        var hits = search.Search(text, CandidateCount);
        var usedContext = false;
        if (previous is not null && IsFollowUp(text, hits, settings))
        {
            var combined = search.Search(previous.Question + " " + text, CandidateCount);
            if (combined.Count > 0 && IsConfident(combined[0], settings))
            {
                hits = combined;
                usedContext = true;
            }
        }

        var questionKind = QuestionKinds.Of(text);
        if (hits.Count > 0 && IsConfident(hits[0], settings))
        {
            var confident = hits.Where(hit => IsConfident(hit, settings)).ToList();
            var found = AnswerSentences.Find(confident, questionKind, QuestionKinds.IsStrict(text), settings);
            if (found is AnsweringSentence answering && !KnowledgeGap.Says(answering.Sentence.Text))
            {
                var best = answering.Hit;
                Log.Answered(logger, best.Article.Id, best.Coverage, usedContext);
                return new Answer(AnswerKind.Answered, text)
                {
                    Truncated = truncated,
                    Hit = best,
                    // The article that answers leads; the other confident ones may support a generated answer.
                    Supporting = [best, .. confident.Where(hit => hit != best)],
                    Passage = AnswerSentences.Compose(answering, settings.PassageWords),
                    AnswerSentence = answering.Text,
                    Section = answering.Sentence.Section,
                    QuestionKind = questionKind,
                    ArticleVersion = search.Knowledge.VersionOf(best.Article.Id),
                    FollowUps = FollowUps(best.Article, search.Knowledge.Set),
                    UsedContext = usedContext,
                    PreviousQuestion = usedContext ? previous!.Question : null,
                };
            }

            // The topic is known but not the asked detail (no sentence has it, or the article says itself that its
            // sources lack it): say so, offer what the knowledge has, and tell the admins.
            Log.Partial(logger, hits[0].Article.Id, hits[0].Coverage);
            await unanswered.RecordAsync(text, tenantId, partial: true, cancellationToken);
            return new Answer(AnswerKind.Partial, text)
            {
                Truncated = truncated,
                Hit = found?.Hit ?? hits[0],
                AnswerSentence = found?.Text,
                QuestionKind = questionKind,
                ArticleVersion = search.Knowledge.VersionOf(hits[0].Article.Id),
                Nearest = [.. confident.Take(FollowUpCount).Select(hit => hit.Article)],
                UsedContext = usedContext,
                PreviousQuestion = usedContext ? previous!.Question : null,
            };
        }

        Log.NotKnown(logger, hits.Count > 0 ? hits[0].Coverage : 0, text.Length);
        await unanswered.RecordAsync(text, tenantId, partial: false, cancellationToken);
        return new Answer(AnswerKind.NotKnown, text)
        {
            Truncated = truncated,
            QuestionKind = questionKind,
            Nearest = hits.Where(hit => hit.Coverage > 0).Take(FollowUpCount).Select(hit => hit.Article).ToList(),
        };
    }

    /// <summary>
    /// The passage an answer card showed, composed again for a redraw after 👍 or 👎: the same question answered from
    /// the same article and section. When that no longer gives the same section (the article changed), the section's
    /// start.
    /// </summary>
    public string Recompose(string question, Article article, int section)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(article);
        var settings = options.Value;
        section = Math.Clamp(section, 0, article.Sections.Count - 1);
        if (search.Search(question, CandidateCount).FirstOrDefault(hit => hit.Article.Id == article.Id) is SearchHit hit
            && AnswerSentences.Find([hit], QuestionKinds.Of(question), QuestionKinds.IsStrict(question), settings) is AnsweringSentence answering
            && answering.Sentence.Section == section)
        {
            return AnswerSentences.Compose(answering, settings.PassageWords);
        }

        return Passage.Trim(article.Sections[section].Text, settings.PassageWords);
    }

    // A short message that continues the previous topic ("en voor kinderen?"), or a fragment of two or three words
    // that means nothing on its own. A new question that the knowledge cannot answer is not read as a follow-up.
    private static bool IsFollowUp(string text, IReadOnlyList<SearchHit> hits, AnswerOptions settings)
    {
        var words = ArticleParser.CountWords(text);
        if (words > ShortFollowUpWords)
        {
            return false;
        }

        var lower = text.ToLowerInvariant() + " ";
        return ContinuationStarts.Any(start => lower.StartsWith(start, StringComparison.Ordinal))
            || (words <= FragmentWords && (hits.Count == 0 || !IsConfident(hits[0], settings)));
    }

    /// <summary>Whether a hit is good enough to answer with (the threshold is calibrated on the evaluation set).</summary>
    public static bool IsConfident(SearchHit hit, AnswerOptions settings)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(settings);
        return hit.Coverage >= settings.MinCoverage;
    }

    /// <summary>The next topics to suggest after <paramref name="article"/>: its related articles that are published.</summary>
    public static IReadOnlyList<Article> FollowUps(Article article, KnowledgeSet knowledge)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(knowledge);
        return [.. article.RelatedIds
            .Select(id => knowledge.ArticlesById.TryGetValue(id, out var related) ? related : null)
            .OfType<Article>()
            .Where(related => related.Status == ArticleStatus.Published)
            .Take(FollowUpCount)];
    }
}
