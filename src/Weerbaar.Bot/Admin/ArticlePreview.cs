using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Questions;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The answer card users would get from an article an admin is editing: the card a user gets when the question lands
/// on the lead, with the same template, passage length and follow-ups.
/// </summary>
public sealed class ArticlePreview(AnswerCards answerCards, KnowledgeSearch search, IOptions<AnswerOptions> answerOptions)
{
    /// <summary>The preview as a message in the chat; null when the draft has no title, summary or text yet.</summary>
    public IMessageActivity? Message(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Card(draft, inDialog: false) is not JsonNode card)
        {
            return null;
        }

        var message = MessageFactory.Attachment(CardAttachment.From(card));
        message.Summary = $"{AdminTexts.PreviewLabel}: {draft.Title}";
        return message;
    }

    /// <summary>The preview card (see <see cref="InertPreviewCard"/>); null when the draft has no title, summary or text yet.</summary>
    public JsonNode? Card(ArticleDraft draft, bool inDialog)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var article = ArticleParser.ParseForEditing(KnowledgePaths.For(KnowledgeKind.Article, draft.Id), draft.ToFileText());
        if (article is null || article.Sections.Count == 0 || article.Title.Length == 0)
        {
            return null;
        }

        var passage = Passage.Trim(article.Lead.Text, answerOptions.Value.PassageWords);
        return InertPreviewCard.Of(answerCards.RenderAnswer(article, new AnswerCardData("preview", article.Id, 0, 0, article.Title), passage,
            Answerer.FollowUps(article, search.Knowledge.Set), FeedbackState.Open, string.Empty, truncated: false), inDialog);
    }
}
