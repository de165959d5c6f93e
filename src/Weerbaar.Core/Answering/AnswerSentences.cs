using System.Text;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>
/// The sentence that answers a question, where it was found, and the phrase that gives the asked detail.
/// <see cref="Span"/> is what is shown first: the sentence with the ones it cannot stand without (the list after a
/// colon, a "Dan …" that finishes it, the reason before a "Daarom …").
/// </summary>
public sealed record AnsweringSentence(SearchHit Hit, SentenceMatch Sentence, string? Phrase, SentenceMatch? RunnerUp = null)
{
    private const int MaxListItems = 6;

    public IReadOnlyList<SentenceMatch> Span
    {
        get
        {
            var section = Hit.Sentences.Where(s => s.Section == Sentence.Section).OrderBy(s => s.Index).ToList();
            var at = section.FindIndex(s => s.Index == Sentence.Index);
            var span = new List<SentenceMatch> { Sentence };
            if (at > 0 && Sentences.RefersBack(Sentence.Text) && !Sentences.IsListItem(Sentence.Text))
            {
                span.Insert(0, section[at - 1]);
            }
            else if (Sentences.IsListItem(Sentence.Text) && section.Take(at).LastOrDefault(s => !Sentences.IsListItem(s.Text)) is { } lead
                && lead.Text.TrimEnd().EndsWith(':'))
            {
                // A list item reads with the sentence that introduces its list.
                span.Insert(0, lead);
            }

            var text = Sentence.Text.TrimEnd();
            if (text.EndsWith(':'))
            {
                span.AddRange(section.Skip(at + 1).TakeWhile(s => Sentences.IsListItem(s.Text)).Take(MaxListItems));
            }
            else if (at + 1 < section.Count && (text.EndsWith('?') || Sentences.RefersBack(section[at + 1].Text)) && !Sentences.IsListItem(section[at + 1].Text))
            {
                span.Add(section[at + 1]);
            }

            if (RunnerUp is not null && span.All(s => s.Index != RunnerUp.Index))
            {
                span.Add(RunnerUp);
                span.Sort((a, b) => a.Index.CompareTo(b.Index));
            }

            return span;
        }
    }

    /// <summary>The shown-first sentences as plain text, list items on their own line.</summary>
    public string Text => Join(Span.Select(s => s.Text));

    internal static string Join(IEnumerable<string> sentences)
    {
        var text = new StringBuilder();
        var previousWasItem = false;
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
            {
                // A list item on its own line; a sentence after a list starts a new paragraph, or Markdown would run it
                // into the last item.
                text.Append(Sentences.IsListItem(sentence) ? "\n" : previousWasItem ? "\n\n" : " ");
            }

            previousWasItem = Sentences.IsListItem(sentence);

            text.Append(sentence);
        }

        return text.ToString();
    }
}

/// <summary>
/// Finds the sentence that answers: among the sentences of the confident articles, the one that holds most of the
/// question's distinguishing words and carries the asked kind of detail — a number for "hoeveel", a date for
/// "wanneer". None qualifies: the knowledge covers the topic but not the asked detail.
/// </summary>
public static class AnswerSentences
{
    /// <param name="strict">The question names the kind of detail unmistakably ("hoeveel", "welk telefoonnummer"): a sentence without it cannot answer.</param>
    public static AnsweringSentence? Find(IReadOnlyList<SearchHit> confident, QuestionKind kind, bool strict, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(confident);
        ArgumentNullException.ThrowIfNull(options);
        // First the section that answers (articles are written one sub-question per section, its fact first), then in
        // it the sentence that carries the asked kind of detail.
        var sections = confident.Take(options.AnswerArticles)
            .SelectMany((hit, rank) => hit.Sentences.GroupBy(s => s.Section).Select(g => (Hit: hit, Rank: rank, Sentences: g.OrderBy(s => s.Index).ToList())))
            // The search's own best section of the best article goes first: it holds the asked fact more often.
            .OrderByDescending(x => x.Rank == 0 && ReferenceEquals(x.Hit.Article.Sections[x.Sentences[0].Section], x.Hit.Section))
            .ThenByDescending(x => x.Sentences[0].SectionCoverage + (options.OwnWordsWeight * x.Sentences.Max(s => s.Detail)) - (options.RankPenalty * x.Rank));
        foreach (var (hit, _, sentences) in sections.Take(options.AnswerSections))
        {
            if (sentences[0].SectionCoverage < options.MinAnswerCoverage)
            {
                continue;
            }

            var scored = new List<(SentenceMatch Sentence, string? Phrase, double Score)>();
            foreach (var sentence in sentences)
            {
                var phrase = AnswerEvidence.Phrase(kind, sentence.Text);
                if (strict && phrase is null)
                {
                    continue;
                }

                // Earlier sentences win ties: the fact most people ask for stands first.
                scored.Add((sentence, phrase?.Value, sentence.Detail + (phrase is null ? 0 : options.EvidenceWeight * AnswerEvidence.Strength(kind, phrase.Value)) - (0.01 * sentence.Index)));
            }

            if (scored.Count == 0)
            {
                continue;
            }

            var ranked = scored.OrderByDescending(x => x.Score).ToList();
            var best = ranked[0];
            // A second sentence that holds a good share of what the best one holds is shown with it: words alone do not
            // tell which of two close sentences has the asked detail, and the reader sees at once. A second that says
            // what the sources lack would make a real answer read as if it were missing.
            var runnerUp = options.RunnerUpShare > 0 && ranked.Count > 1 && best.Score > 0 && ranked[1].Score >= options.RunnerUpShare * best.Score
                && !KnowledgeGap.Says(ranked[1].Sentence.Text)
                ? ranked[1].Sentence
                : null;
            return new AnsweringSentence(hit, best.Sentence, best.Phrase, runnerUp);
        }

        return null;
    }

    /// <summary>
    /// The answer as the card shows it: the answering sentence with its phrase in bold, then the sentences after it in
    /// its section, up to about <paramref name="words"/> words.
    /// </summary>
    public static string Compose(AnsweringSentence answer, int words)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var span = answer.Span;
        var shown = span.Select(s => s.Index == answer.Sentence.Index ? Bold(s.Text, answer.Phrase) : s.Text).ToList();
        var count = span.Sum(s => ArticleParser.CountWords(s.Text));
        var inSpan = span.Select(s => s.Index).ToHashSet();
        // Then the section's other sentences in their own order: the context the article gives the answer.
        foreach (var sentence in answer.Hit.Sentences.Where(s => s.Section == answer.Sentence.Section && !inSpan.Contains(s.Index)).OrderBy(s => s.Index))
        {
            var sentenceWords = ArticleParser.CountWords(sentence.Text);
            if (count + sentenceWords > words + (words / 5))
            {
                break;
            }

            shown.Add(sentence.Text);
            count += sentenceWords;
        }

        return AnsweringSentence.Join(shown);
    }

    // The phrase in bold, unless the article already uses bold in that sentence (nested markers would break).
    private static string Bold(string sentence, string? phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase) || sentence.Contains("**", StringComparison.Ordinal))
        {
            return sentence;
        }

        var trimmed = phrase.Trim();
        var at = sentence.IndexOf(trimmed, StringComparison.Ordinal);
        return at < 0 ? sentence : $"{sentence[..at]}**{trimmed}**{sentence[(at + trimmed.Length)..]}";
    }
}
