using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Generation;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// Answers a question in the conversation it came from, whether it was typed or chosen on a card: with a generated,
/// cited answer when a model is configured and everything checks out, otherwise with the extractive answer card.
/// </summary>
public sealed class QuestionResponder : ITypedCommandHandler
{
    private static readonly TimeSpan TypingInterval = TimeSpan.FromSeconds(3);

    private readonly Answerer _answerer;
    private readonly GroundedAnswerer _generator;
    private readonly KnowledgeSearch _search;
    private readonly AnswerCards _cards;
    private readonly AnswerCardSigner _signer;
    private readonly TimeProvider _timeProvider;
    private readonly BotMetrics _metrics;
    private readonly IStatePropertyAccessor<LastAnswer> _lastAnswer;
    private readonly IStatePropertyAccessor<LastAnswerPerUser> _lastAnswerPerUser;
    private readonly IStatePropertyAccessor<GeneratedAnswerLedger> _generatedAnswers;

    public QuestionResponder(Answerer answerer, GroundedAnswerer generator, KnowledgeSearch search, AnswerCards cards, AnswerCardSigner signer, ConversationState conversationState, TimeProvider timeProvider, BotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _answerer = answerer;
        _generator = generator;
        _search = search;
        _cards = cards;
        _signer = signer;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _lastAnswer = conversationState.CreateProperty<LastAnswer>("lastAnswer");
        _lastAnswerPerUser = conversationState.CreateProperty<LastAnswerPerUser>("lastAnswerPerUser");
        _generatedAnswers = conversationState.CreateProperty<GeneratedAnswerLedger>("generatedAnswers");
    }

    public int Order => TypedCommandOrder.Question;

    /// <summary>Typed text no command took is a question: answered, never passed on.</summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        await RespondAsync(turnContext, text, echoQuestion: false, cancellationToken);
        return true;
    }

    /// <summary>Answers <paramref name="question"/>; with <paramref name="echoQuestion"/> the answer names it (a button press shows nothing in the chat).</summary>
    public async Task RespondAsync(ITurnContext turnContext, string question, bool echoQuestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(question);
        var now = _timeProvider.GetUtcNow();
        var last = await LastAnswerAsync(turnContext, cancellationToken);
        var context = last is not null && now - last.AnsweredAt < LastAnswer.Lifetime ? new AnswerContext(last.Question, last.ArticleId) : null;

        var answer = await _answerer.AnswerAsync(question, context, ActivityTenant.Of(turnContext.Activity), cancellationToken);
        _metrics.AnswerGiven(answer.Kind);
        switch (answer.Kind)
        {
            case AnswerKind.Answered:
                var hit = answer.Hit!;
                var data = await _signer.SignAsync(new AnswerCardData(AnswerCardData.NewToken(), hit.Article.Id, answer.ArticleVersion, answer.Section, answer.Question), cancellationToken);
                var note = ContextNote(answer, context, echoQuestion);
                var generation = await GenerateAsync(turnContext, answer, cancellationToken);
                _metrics.AnswerMode(generation.Outcome);
                // Remembered before the reply leaves, so it is saved in the same write as the message's redelivery claim.
                await RememberAsync(turnContext, new LastAnswer { Question = answer.Question, ArticleId = hit.Article.Id, AnsweredAt = now }, cancellationToken);
                if (generation.Answer is GeneratedAnswer generated)
                {
                    await SendGeneratedAsync(turnContext, generated, data, note, cancellationToken);
                }
                else
                {
                    var card = _cards.Answer(hit.Article, data, answer.Passage!, answer.FollowUps, FeedbackState.Open, WithFallbackNote(note, generation.Outcome), answer.Truncated);
                    await turnContext.SendActivityAsync(WithSummary(card, hit.Article.Title), cancellationToken);
                }

                break;
            case AnswerKind.NotKnown or AnswerKind.Partial:
                var prefix = echoQuestion ? ConversationTexts.YouAsked(CardText.Literal(answer.Question)) : string.Empty;
                var notKnown = MessageFactory.Attachment(_cards.NotKnown(answer));
                notKnown.Summary = answer.Kind == AnswerKind.Partial ? ConversationTexts.PartialSummary : ConversationTexts.NotKnownSummary;
                if (prefix.Length > 0)
                {
                    notKnown.Text = prefix.Trim();
                }

                await turnContext.SendActivityAsync(notKnown, cancellationToken);
                break;
            case AnswerKind.Task:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.TaskRequest), cancellationToken);
                break;
            case AnswerKind.SmallTalk:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.SmallTalk(answer.SmallTalk!.Value)), cancellationToken);
                break;
            default:
                await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.EmptyMessage), cancellationToken);
                break;
        }
    }

    // In a group chat or channel several people ask at once: a follow-up continues its asker's own question only.
    private async Task<LastAnswer?> LastAnswerAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!ConversationScope.IsGroup(turnContext.Activity))
        {
            return await _lastAnswer.GetAsync(turnContext, () => null!, cancellationToken);
        }

        var perUser = await _lastAnswerPerUser.GetAsync(turnContext, () => null!, cancellationToken);
        return LastAnswerPerUser.KeyOf(turnContext.Activity) is string user ? perUser?.For(user) : null;
    }

    private async Task RememberAsync(ITurnContext turnContext, LastAnswer answer, CancellationToken cancellationToken)
    {
        if (!ConversationScope.IsGroup(turnContext.Activity))
        {
            await _lastAnswer.SetAsync(turnContext, answer, cancellationToken);
            return;
        }

        if (LastAnswerPerUser.KeyOf(turnContext.Activity) is not string user)
        {
            return;
        }

        answer.User = user;
        // Reading the state for the follow-up left null in it when the conversation had none yet.
        var perUser = await _lastAnswerPerUser.GetAsync(turnContext, () => null!, cancellationToken) ?? new LastAnswerPerUser();
        perUser.Remember(answer, answer.AnsweredAt);
        await _lastAnswerPerUser.SetAsync(turnContext, perUser, cancellationToken);
        // A group's single last answer from before answers were kept per asker would otherwise stay stored unused.
        await _lastAnswer.DeleteAsync(turnContext, cancellationToken);
    }

    /// <summary>Finds the generated answer a Teams 👍/👎 refers to, by the id of the message it was given on.</summary>
    public async Task<GeneratedAnswerEntry?> FindGeneratedAsync(ITurnContext turnContext, string? messageId, CancellationToken cancellationToken)
    {
        var ledger = await _generatedAnswers.GetAsync(turnContext, () => new GeneratedAnswerLedger(), cancellationToken);
        return ledger.Find(messageId);
    }

    // Typing dots while the model writes: Teams hides them after a few seconds, so they are repeated.
    private async Task<GenerationResult> GenerateAsync(ITurnContext turnContext, Answer answer, CancellationToken cancellationToken)
    {
        if (!_generator.IsEnabled)
        {
            return GenerationResult.Of(GenerationOutcome.NotConfigured);
        }

        using var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The first dots go out before the model is asked, so they never arrive after the answer.
        await SendTypingAsync(turnContext, cancellationToken);
        var indicator = KeepTypingAsync(turnContext, typing.Token);
        try
        {
            return await _generator.GenerateAsync(answer, turnContext.Activity.From?.Id ?? string.Empty, cancellationToken);
        }
        finally
        {
            await typing.CancelAsync();
            await indicator;
        }
    }

    private async Task KeepTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TypingInterval, _timeProvider, cancellationToken);
                await SendTypingAsync(turnContext, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is ready.
        }
    }

    private static async Task SendTypingAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        try
        {
            await turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken);
        }
#pragma warning disable CA1031 // Typing dots are a courtesy: failing to send them must not cost the answer.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
        }
    }

    private async Task SendGeneratedAsync(ITurnContext turnContext, GeneratedAnswer generated, AnswerCardData data, string note, CancellationToken cancellationToken)
    {
        var first = generated.Cited[0];
        var response = await turnContext.SendActivityAsync(GeneratedAnswerMessage.Create(generated, note), cancellationToken);
        if (response?.Id is string messageId)
        {
            var ledger = await _generatedAnswers.GetAsync(turnContext, () => new GeneratedAnswerLedger(), cancellationToken);
            ledger.Add(new GeneratedAnswerEntry
            {
                MessageId = messageId,
                Token = data.Token,
                ArticleId = first.Article.Id,
                Version = _search.Knowledge.VersionOf(first.Article.Id),
                Question = KeptQuestion.Mask(data.Question),
            });
            await _generatedAnswers.SetAsync(turnContext, ledger, cancellationToken);
        }
    }

    private static string WithFallbackNote(string note, GenerationOutcome outcome)
    {
        var fallback = outcome switch
        {
            GenerationOutcome.NotConfigured or GenerationOutcome.Generated => string.Empty,
            GenerationOutcome.RateLimited => ConversationTexts.GenerationRateLimited,
            _ => ConversationTexts.GenerationFallback,
        };
        return string.Join("\n\n", new[] { fallback, note }.Where(part => part.Length > 0));
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

        var passage = _answerer.Recompose(data.Question, article, data.Section);
        return _cards.Answer(article, data, passage, Answerer.FollowUps(article, knowledge), feedback, string.Empty, truncated: false);
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
