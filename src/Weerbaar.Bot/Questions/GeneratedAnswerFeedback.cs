using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// Teams' own 👍/👎 under a generated answer (the <c>message/submitAction</c> invoke with action "feedback"), stored like
/// the buttons on an answer card: per answer, for the article, without a user id. The answer is looked up in the
/// conversation's own record of what the bot sent, so only the article is checked: it must still be published.
/// </summary>
public sealed class GeneratedAnswerFeedback(QuestionResponder questions, FeedbackStore feedback, KnowledgeRefresher refresher, KnowledgeSearch search) : IInvokeHandler
{
    public const string InvokeName = "message/submitAction";

    public string Name => InvokeName;

    public async Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Value is not JObject value
            || value.Value<string>("actionName") != "feedback"
            || value["actionValue"] is not JObject action
            || action.Value<string>("reaction") is not ("like" or "dislike"))
        {
            return await ReplyAsync(turnContext, ConversationTexts.InvalidCardAction, cancellationToken);
        }

        var answer = await questions.FindGeneratedAsync(turnContext, turnContext.Activity.ReplyToId, cancellationToken);
        await refresher.EnsureCurrentAsync(cancellationToken);
        if (answer is null || !search.Knowledge.Set.ArticlesById.ContainsKey(answer.ArticleId))
        {
            return await ReplyAsync(turnContext, ConversationTexts.FeedbackAnswerGone, cancellationToken);
        }

        var helpful = action.Value<string>("reaction") == "like";
        await feedback.RecordVoteAsync(answer.Token, answer.ArticleId, answer.Version, helpful, ActivityTenant.Of(turnContext.Activity), cancellationToken);
        if (CommentOf(action["feedback"]) is { Length: > 0 } comment)
        {
            await feedback.RecordCommentAsync(answer.Token, comment, answer.Question, cancellationToken);
        }

        return new InvokeResponse { Status = 200 };
    }

    // Teams sends the typed comment as a JSON string {"feedbackText": "…"}; the Agents Playground sends the text itself.
    private static string? CommentOf(JToken? token)
    {
        if (token?.Type != JTokenType.String || token.Value<string>() is not { } raw || raw.Trim().Length == 0)
        {
            return null;
        }

        try
        {
            return JToken.Parse(raw) is JObject parsed ? parsed.Value<string>("feedbackText")?.Trim() : raw.Trim();
        }
        catch (JsonReaderException)
        {
            return raw.Trim();
        }
    }

    // Teams shows nothing of a submitAction response body, so the explanation goes into the chat.
    private static async Task<InvokeResponse> ReplyAsync(ITurnContext turnContext, string message, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(MessageFactory.Text(message), cancellationToken);
        return new InvokeResponse { Status = 200 };
    }
}
