using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// The buttons on answer and welcome cards: ask a question, read the whole article, and the 👍/👎 and comment on an
/// answer card. Data that does not fit (a stale card, a forged invoke) is not taken, so the router answers it as an
/// unknown verb. A button that names an article shows it only while it is published — checked against the database,
/// not the few seconds old index — and a vote counts only with the bot's signature on the card's data.
/// </summary>
public sealed class QuestionCardActions(
    AnswerCards answerCards,
    QuestionResponder questions,
    KnowledgeSearch search,
    KnowledgeRefresher refresher,
    AnswerCardSigner signer,
    FeedbackStore feedback,
    ILogger<QuestionCardActions> logger) : ICardActionHandler
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
        await refresher.EnsureCurrentAsync(cancellationToken);
        switch (verb)
        {
            // A follow-up button names its article; the welcome card's example questions name none.
            case CardVerb.Ask when Text(data, "question") is string question:
                if (Text(data, "articleId") is string followed && Published(followed) is null)
                {
                    return CardActionResult.Answer(ConversationTexts.ArticleGone);
                }

                await questions.RespondAsync(turnContext, question.Trim(), echoQuestion: true, cancellationToken);
                return CardActionResult.Replied(ConversationTexts.QuestionReceived);

            case CardVerb.ReadMore when Text(data, "articleId") is string articleId:
                if (Published(articleId) is not Article article)
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
                if (await RefusalAsync(answer, cancellationToken) is CardActionResult refusedVote)
                {
                    return refusedVote;
                }

                var helpful = verb == CardVerb.Helpful;
                await feedback.RecordVoteAsync(answer.Token, answer.ArticleId, answer.Version, helpful, ActivityTenant.Of(turnContext.Activity), cancellationToken);
                return Redrawn(answer, helpful ? FeedbackState.Thanks : FeedbackState.Comment);

            case CardVerb.FeedbackComment when AnswerData(data) is AnswerCardData answer:
                if (await RefusalAsync(answer, cancellationToken) is CardActionResult refusedComment)
                {
                    return refusedComment;
                }

                if (Text(data, "comment") is string comment && comment.Trim().Length > 0)
                {
                    await feedback.RecordCommentAsync(answer.Token, comment, answer.Question, cancellationToken);
                }

                return Redrawn(answer, FeedbackState.Thanks);

            default:
                throw new InvalidOperationException("Called for a button this handler does not take.");
        }
    }

    private Article? Published(string articleId) => search.Knowledge.Set.ArticlesById.GetValueOrDefault(articleId);

    // The article first: a draft or unknown id gets the same answer as a withdrawn one, whether signed or not.
    private async Task<CardActionResult?> RefusalAsync(AnswerCardData answer, CancellationToken cancellationToken)
    {
        if (Published(answer.ArticleId) is null)
        {
            Log.FeedbackRefused(logger, FeedbackRefusal.ArticleNotPublished);
            return CardActionResult.Answer(ConversationTexts.ArticleGone);
        }

        if (!await signer.IsGenuineAsync(answer, cancellationToken))
        {
            Log.FeedbackRefused(logger, FeedbackRefusal.NotSignedByTheBot);
            return CardActionResult.Answer(ConversationTexts.FeedbackAnswerGone);
        }

        return null;
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

        var version = Number(data!["version"]);
        var section = Number(data["section"]);
        var signature = Text(data, "signature") is { Length: <= 64 } signed ? signed : string.Empty;
        return new AnswerCardData(token, articleId, version, section, Text(data, "question") ?? string.Empty, signature);
    }

    // A forged number beyond int must not throw; it then simply matches no signature.
    private static int Number(JToken? token) =>
        token is JValue { Type: JTokenType.Integer, Value: long value } && value is >= int.MinValue and <= int.MaxValue ? (int)value : 0;
}

/// <summary>Why a 👍/👎 or comment was not stored.</summary>
public enum FeedbackRefusal
{
    ArticleNotPublished,
    NotSignedByTheBot,
}
