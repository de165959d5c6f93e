using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Questions;

/// <summary>Where the 👍/👎 part of an answer card stands.</summary>
public enum FeedbackState
{
    Open,
    Thanks,
    Comment,
}

/// <summary>
/// What an answer card's buttons carry, so a button press can redraw the same answer: the card's token (feedback is
/// stored per card), the article and version shown, the section quoted, the question asked, and the bot's
/// signature over token, article and version (<see cref="AnswerCardSigner"/>).
/// </summary>
public sealed record AnswerCardData(string Token, string ArticleId, int Version, int Section, string Question, string Signature = "")
{
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public JsonObject ToJson() => new()
    {
        ["token"] = Token,
        ["articleId"] = ArticleId,
        ["version"] = Version,
        ["section"] = Section,
        ["question"] = Question,
        ["signature"] = Signature,
    };
}

/// <summary>Builds the answer card, the "lees meer" article cards and the "dat weet ik niet zeker" card.</summary>
public sealed class AnswerCards(CardTemplates templates)
{
    /// <summary>Cards stay under this size (Teams allows about 28 KB; the budget leaves room for the envelope).</summary>
    public const int SizeBudgetBytes = 21 * 1024;

    /// <summary>An answer card names this many sources; the whole list is under "Lees meer".</summary>
    public const int AnswerSources = 4;

    public Attachment Answer(Article article, AnswerCardData data, string passage, IReadOnlyList<Article> followUps, FeedbackState feedback, string contextNote, bool truncated) =>
        CardAttachment.From(RenderAnswer(article, data, passage, followUps, feedback, contextNote, truncated));

    /// <summary>The answer card as JSON, for <see cref="Answer"/> and for an admin's preview, which changes its buttons.</summary>
    public JsonNode RenderAnswer(Article article, AnswerCardData data, string passage, IReadOnlyList<Article> followUps, FeedbackState feedback, string contextNote, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(followUps);
        var card = new JsonObject
        {
            ["fallback"] = $"{article.Title}: {article.Summary}",
            ["truncated"] = truncated,
            ["contextNote"] = contextNote,
            ["passage"] = CardText.WithoutHtml(passage),
            ["about"] = Conversation.ConversationTexts.AnswerFrom(CardText.Literal(WriteOuts.Without(article.Title, passage)), Conversation.ConversationTexts.FactsLine(article.FactsAsOf, article.LastChecked)),
            ["hasSources"] = article.Sources.Count > 0,
            ["sourcesTitle"] = Conversation.ConversationTexts.SourcesButton(article.Sources.Count),
            ["sources"] = SourceLines(RelevantSources.Order(article, passage).Take(AnswerSources)),
            ["moreSources"] = article.Sources.Count > AnswerSources ? Conversation.ConversationTexts.MoreSourcesInArticle(article.Sources.Count) : string.Empty,
            ["hasFollowUps"] = followUps.Count > 0,
            ["followUps"] = Questions(followUps, passage),
            ["feedback"] = feedback switch
            {
                FeedbackState.Thanks => "thanks",
                FeedbackState.Comment => "comment",
                _ => "open",
            },
            ["feedbackData"] = data.ToJson(),
            ["articleId"] = article.Id,
            ["startSession"] = article.Action == ArticleAction.StartSession,
        };
        return templates.Render(CardName.Answer, card);
    }

    /// <summary>
    /// The whole article, in as many cards as the size budget needs; the last part ends with its resources and the
    /// same next questions as the answer card.
    /// </summary>
    public IReadOnlyList<Attachment> Article(Article article, IReadOnlyList<Resource> resources, IReadOnlyList<Article> followUps)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(followUps);
        var sections = article.Sections.Select(s => (JsonNode)new JsonObject { ["heading"] = CardText.Literal(s.Heading ?? string.Empty), ["text"] = CardText.WithoutHtml(s.Text) }).ToList();
        var parts = new List<List<JsonNode>> { sections };
        while (parts.Any(part => part.Count > 1 && Size(RenderArticle(article, resources, followUps, part, 1, 1, last: true)) > SizeBudgetBytes))
        {
            parts = [.. parts.SelectMany(part => part.Count > 1 && Size(RenderArticle(article, resources, followUps, part, 1, 1, last: true)) > SizeBudgetBytes
                ? new[] { part[..(part.Count / 2)], part[(part.Count / 2)..] }
                : new[] { part })];
        }

        return [.. parts.Select((part, i) => CardAttachment.From(RenderArticle(article, resources, followUps, part, i + 1, parts.Count, last: i == parts.Count - 1)))];
    }

    public Attachment NotKnown(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var partial = answer.Kind == AnswerKind.Partial;
        var card = new JsonObject
        {
            ["truncated"] = answer.Truncated,
            ["partial"] = partial,
            ["notKnown"] = !partial,
            ["missingDetail"] = Conversation.ConversationTexts.MissingDetail(answer.QuestionKind),
            // The article's own words on what its sources lack, when that is what answers the question best.
            ["gap"] = partial && answer.AnswerSentence is string gap ? CardText.WithoutHtml(gap) : string.Empty,
            ["nearestAsTopics"] = answer.Nearest.Count > 0 && !partial,
            ["nearestAsKnown"] = answer.Nearest.Count > 0 && partial,
            ["nearest"] = Questions(answer.Nearest),
        };
        return CardAttachment.From(templates.Render(CardName.NotKnown, card));
    }

    private JsonNode RenderArticle(Article article, IReadOnlyList<Resource> resources, IReadOnlyList<Article> followUps, List<JsonNode> sections, int part, int parts, bool last)
    {
        var card = new JsonObject
        {
            ["fallback"] = article.Title,
            ["title"] = CardText.Literal(WriteOuts.Without(article.Title, Body(article))),
            ["part"] = parts > 1 ? $"Deel {part} van {parts}" : string.Empty,
            ["sections"] = new JsonArray([.. sections.Select(s => s.DeepClone())]),
            ["hasSources"] = last,
            ["sources"] = last ? SourceLines(article.Sources) : new JsonArray(),
            ["hasResources"] = last && resources.Count > 0,
            ["resources"] = last ? ResourceLines(resources) : new JsonArray(),
            ["checked"] = last ? Conversation.ConversationTexts.FactsLine(article.FactsAsOf, article.LastChecked) : string.Empty,
            ["currentState"] = last && article.CurrentStateAt is string where ? Conversation.ConversationTexts.CurrentStateAt(CardText.WithoutHtml(where)) : string.Empty,
            ["hasFollowUps"] = last && followUps.Count > 0,
            ["followUps"] = last ? Questions(followUps, Body(article)) : new JsonArray(),
            ["startSession"] = last && article.Action == ArticleAction.StartSession,
        };
        return templates.Render(CardName.Article, card);
    }

    // A source with an address is a link; a document without a public address says so instead of inventing one.
    private static JsonArray SourceLines(IEnumerable<SourceReference> sources) => new([.. sources.Select(source => (JsonNode)new JsonObject
    {
        ["line"] = source.Url is null
            ? $"{CardText.Literal(source.Title)} ({CardText.Literal(source.Publisher)}) – geen openbare link"
            : $"[{CardText.Literal(source.Title)}]({source.Url}) ({CardText.Literal(source.Publisher)})",
    })]);

    // A resource with an address is a link; one without says how to get it, in the catalogue's own words.
    private static JsonArray ResourceLines(IReadOnlyList<Resource> resources) => new([.. resources.Select(resource => (JsonNode)new JsonObject
    {
        ["line"] = resource.Url is null
            ? $"{CardText.Literal(resource.Title)}: {CardText.Literal(resource.Obtain ?? string.Empty)}"
            : $"[{CardText.Literal(resource.Title)}]({resource.Url})",
    })]);

    // The button asks the article's own question; its label leaves out what the card already wrote out.
    // It names the article too, so a press on a card older than a withdrawal says so instead of answering elsewhere.
    private static JsonArray Questions(IEnumerable<Article> articles, string shown = "") => new([.. articles.Select(a => (JsonNode)new JsonObject
    {
        ["question"] = a.Title,
        ["articleId"] = a.Id,
        ["label"] = CardText.Literal(WriteOuts.Without(a.Title, shown)),
    })]);

    private static string Body(Article article) => string.Join("\n", article.Sections.Select(section => section.Text));

    private static int Size(JsonNode card) => Encoding.UTF8.GetByteCount(card.ToJsonString());
}
