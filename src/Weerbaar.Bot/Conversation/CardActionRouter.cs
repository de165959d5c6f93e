using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Carries out a card button (<c>Action.Execute</c> verb and its data) and returns what is shown on or beside the
/// card. Verbs it does not know, and data that does not fit — a stale card from an older version, or a forged
/// invoke — get a friendly Dutch sentence, never an error.
/// </summary>
public sealed class CardActionRouter(
    BotCards cards,
    AnswerCards answerCards,
    QuestionResponder questions,
    KnowledgeSearch search,
    FeedbackStore feedback,
    IEnumerable<ICardActionHandler> features,
    ILogger<CardActionRouter> logger)
{
    private readonly ICardActionHandler[] _features = [.. features];

    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (_features.FirstOrDefault(feature => feature.CanHandle(verb)) is ICardActionHandler handler)
        {
            return await handler.HandleAsync(turnContext, verb, data, cancellationToken);
        }

        switch (verb)
        {
            case CardVerb.Help:
                await turnContext.SendActivityAsync(cards.HelpMessage(), cancellationToken);
                return CardActionResult.Replied(ConversationTexts.HelpSent);

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
                Log.UnknownCardVerb(logger, verb.Length);
                return CardActionResult.Answer(ConversationTexts.UnknownCardAction);
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

/// <summary>
/// What a card action did. <see cref="Confirmation"/> is the sentence shown beside the card; <see cref="Card"/>, when
/// set, replaces the card that was pressed. When the action posted nothing in the chat (<see cref="PostedReply"/> is
/// false), the sentence is the whole answer, so a client that cannot show it beside the card (Action.Submit) gets it
/// as a message instead.
/// </summary>
public sealed record CardActionResult(bool PostedReply, string Confirmation, Attachment? Card = null)
{
    public static CardActionResult Replied(string confirmation) => new(true, confirmation);

    public static CardActionResult Answer(string text) => new(false, text);

    public static CardActionResult WithCard(Attachment card, string confirmation) => new(true, confirmation, card);
}
