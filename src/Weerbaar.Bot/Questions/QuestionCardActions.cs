using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// The buttons on answer and welcome cards: ask a question, read the whole article, and the 👍/👎 and comment on an
/// answer card. Data that does not fit (a stale card, a forged invoke) is not taken, so the router answers it as an
/// unknown verb.
/// </summary>
public sealed class QuestionCardActions(
    AnswerCards answerCards,
    QuestionResponder questions,
    KnowledgeSearch search,
    FeedbackStore feedback) : ICardActionHandler
{
    public bool CanHandle(string verb, JObject? data) => verb switch
    {
        CardVerb.Ask => Text(data, "question") is not null,
        CardVerb.ReadMore => Text(data, "articleId") is not null,
        CardVerb.Helpful or CardVerb.NotHelpful or CardVerb.FeedbackComment => AnswerData(data) is not null,
        _ => false,
    };

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        switch (verb)
        {
            case CardVerb.Ask when Text(data, "question") is string question:
                await questions.RespondAsync(turnContext, question.Trim(), echoQuestion: true, cancellationToken);
                return CardActionResult.Replied(ConversationTexts.QuestionReceived);

            case CardVerb.ReadMore when Text(data, "articleId") is string articleId:
                if (!search.Knowledge.Set.ArticlesById.TryGetValue(articleId, out var article))
                {
                    return CardActionResult.Answer(ConversationTexts.ArticleGone);
                }

                var resources = article.ResourceIds.Select(id => search.Knowledge.Set.ResourcesById.GetValueOrDefault(id)).OfType<Resource>().ToList();
                foreach (var part in answerCards.Article(article, resources, Answerer.FollowUps(article, search.Knowledge.Set)))
                {
                    var message = MessageFactory.Attachment(part);
                    message.Summary = article.Title;
                    await turnContext.SendActivityAsync(message, cancellationToken);
                }

                return CardActionResult.Replied(ConversationTexts.ArticleBelow);

            case CardVerb.Helpful or CardVerb.NotHelpful when AnswerData(data) is AnswerCardData answer:
                var helpful = verb == CardVerb.Helpful;
                await feedback.RecordVoteAsync(answer.Token, answer.ArticleId, answer.Version, helpful, ActivityTenant.Of(turnContext.Activity), cancellationToken);
                return Redrawn(answer, helpful ? FeedbackState.Thanks : FeedbackState.Comment);

            case CardVerb.FeedbackComment when AnswerData(data) is AnswerCardData answer:
                if (Text(data, "comment") is string comment && comment.Trim().Length > 0)
                {
                    await feedback.RecordCommentAsync(answer.Token, comment, cancellationToken);
                }

                return Redrawn(answer, FeedbackState.Thanks);

            default:
                throw new InvalidOperationException("Called for a button this handler does not take.");
        }
    }

    private CardActionResult Redrawn(AnswerCardData answer, FeedbackState state) =>
        questions.Redraw(answer, state) is Attachment card
            ? CardActionResult.WithCard(card, ConversationTexts.FeedbackThanks)
            : CardActionResult.Answer(ConversationTexts.FeedbackThanks);

    private static AnswerCardData? AnswerData(JObject? data)
    {
        if (Text(data, "token") is not string token || Text(data, "articleId") is not string articleId || token.Length > 64 || articleId.Length > 100)
        {
            return null;
        }

        var version = data!["version"] is JValue { Type: JTokenType.Integer } v ? (int)v : 0;
        var section = data["section"] is JValue { Type: JTokenType.Integer } s ? (int)s : 0;
        return new AnswerCardData(token, articleId, version, section, Text(data, "question") ?? string.Empty);
    }
}
