using Microsoft.Bot.Builder;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Answering;

namespace Weerbaar.Bot.Conversation;

/// <summary>Answers a question in the conversation it came from, whether it was typed or chosen on a card.</summary>
public sealed class QuestionResponder(Answerer answerer)
{
    /// <summary>Longer text is not a question but a pasted document; the search would only get worse with it.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Answers <paramref name="question"/>; with <paramref name="echoQuestion"/> the reply starts with it (a button press shows nothing in the chat).</summary>
    public async Task RespondAsync(ITurnContext turnContext, string question, bool echoQuestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (string.IsNullOrWhiteSpace(question))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.EmptyMessage), cancellationToken);
            return;
        }

        if (question.Length > MaxQuestionLength)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.QuestionTooLong(MaxQuestionLength)), cancellationToken);
            return;
        }

        var answer = await answerer.AnswerAsync(question, cancellationToken);
        if (answer.Kind == AnswerKind.NotKnown)
        {
            var text = echoQuestion
                ? ConversationTexts.YouAsked(CardText.Literal(answer.Question)) + ConversationTexts.NotKnown
                : ConversationTexts.NotKnown;
            await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        }
    }
}
