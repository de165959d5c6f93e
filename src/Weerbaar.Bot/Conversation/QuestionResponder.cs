using Microsoft.Bot.Builder;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Conversation;

/// <summary>Answers a question in the conversation it came from, whether it was typed or chosen on a card.</summary>
public sealed class QuestionResponder
{
    private readonly Answerer _answerer;
    private readonly KnowledgeSearch _search;
    private readonly AnswerCards _cards;
    private readonly TimeProvider _timeProvider;
    private readonly IStatePropertyAccessor<LastAnswer> _lastAnswer;

    public QuestionResponder(Answerer answerer, KnowledgeSearch search, AnswerCards cards, ConversationState conversationState, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _answerer = answerer;
        _search = search;
        _cards = cards;
        _timeProvider = timeProvider;
        _lastAnswer = conversationState.CreateProperty<LastAnswer>("lastAnswer");
    }

    /// <summary>Answers <paramref name="question"/>; with <paramref name="echoQuestion"/> the answer names it (a button press shows nothing in the chat).</summary>
    public async Task RespondAsync(ITurnContext turnContext, string question, bool echoQuestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(question);
        var now = _timeProvider.GetUtcNow();
        var last = await _lastAnswer.GetAsync(turnContext, () => null!, cancellationToken);
        var context = last is not null && now - last.AnsweredAt < LastAnswer.Lifetime ? new AnswerContext(last.Question, last.ArticleId) : null;

        var answer = await _answerer.AnswerAsync(question, context, cancellationToken);
        switch (answer.Kind)
        {
            case AnswerKind.Answered:
                var hit = answer.Hit!;
                var data = new AnswerCardData(AnswerCardData.NewToken(), hit.Article.Id, answer.ArticleVersion, IndexOf(hit), answer.Question);
                var note = ContextNote(answer, context, echoQuestion);
                var card = _cards.Answer(hit.Article, data, answer.Passage!, answer.FollowUps, FeedbackState.Open, note, answer.Truncated);
                await turnContext.SendActivityAsync(WithSummary(card, hit.Article.Title), cancellationToken);
                await _lastAnswer.SetAsync(turnContext, new LastAnswer { Question = answer.Question, ArticleId = hit.Article.Id, AnsweredAt = now }, cancellationToken);
                break;
            case AnswerKind.NotKnown:
                var prefix = echoQuestion ? ConversationTexts.YouAsked(CardText.Literal(answer.Question)) : string.Empty;
                var notKnown = MessageFactory.Attachment(_cards.NotKnown(answer));
                notKnown.Summary = ConversationTexts.NotKnownSummary;
                if (prefix.Length > 0)
                {
                    notKnown.Text = prefix.Trim();
                }

                await turnContext.SendActivityAsync(notKnown, cancellationToken);
                break;
            case AnswerKind.SmallTalk:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.SmallTalk(answer.SmallTalk!.Value)), cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.EmptyMessage), cancellationToken);
                break;
        }
    }

    /// <summary>Redraws an answer card after a feedback button: same article, section and question, new feedback state.</summary>
    public Microsoft.Bot.Schema.Attachment? Redraw(AnswerCardData data, FeedbackState feedback)
    {
        ArgumentNullException.ThrowIfNull(data);
        var knowledge = _search.Knowledge.Set;
        if (!knowledge.ArticlesById.TryGetValue(data.ArticleId, out var article))
        {
            return null;
        }

        var section = article.Sections[Math.Clamp(data.Section, 0, article.Sections.Count - 1)];
        var passage = Passage.Trim(section.Text, new AnswerOptions().PassageWords);
        return _cards.Answer(article, data, passage, Answerer.FollowUps(article, knowledge), feedback, string.Empty, truncated: false);
    }

    private static int IndexOf(SearchHit hit)
    {
        for (var i = 0; i < hit.Article.Sections.Count; i++)
        {
            if (ReferenceEquals(hit.Article.Sections[i], hit.Section))
            {
                return i;
            }
        }

        return 0;
    }

    private static string ContextNote(Answer answer, AnswerContext? context, bool echoQuestion)
    {
        if (answer.UsedContext && context is not null)
        {
            return ConversationTexts.ReadAsFollowUp(CardText.Literal(context.Question));
        }

        return echoQuestion ? ConversationTexts.YouAsked(CardText.Literal(answer.Question)).Trim() : string.Empty;
    }

    private static Microsoft.Bot.Schema.IMessageActivity WithSummary(Microsoft.Bot.Schema.Attachment card, string summary)
    {
        var message = MessageFactory.Attachment(card);
        message.Summary = summary;
        return message;
    }
}
