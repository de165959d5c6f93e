using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// The Bot Framework CloudAdapter with Weerbaar's turn error handling: the exception is logged under a short
/// correlation id (never with the user's text), and the user is told in Dutch that something went wrong and that
/// nothing they entered was lost. State changes of a failed turn are not saved.
/// </summary>
public sealed class WeerbaarAdapter : CloudAdapter
{
    private readonly ILogger<WeerbaarAdapter> _logger;
    private readonly BotMetrics _metrics;

    public WeerbaarAdapter(
        BotFrameworkAuthentication authentication,
        ConversationState conversationState,
        UserState userState,
        TurnLogScope logScope,
        RedeliveryGuard redeliveryGuard,
        TurnRateLimit rateLimit,
        BotMetrics metrics,
        TimeProvider timeProvider,
        ILogger<WeerbaarAdapter> logger)
        : base(authentication, logger)
    {
        _logger = logger;
        _metrics = metrics;
        Use(logScope);
        Use(new TurnMetricsMiddleware(metrics, timeProvider));
        Use(redeliveryGuard);
        Use(rateLimit);
        Use(new AutoSaveStateMiddleware(conversationState, userState));
        OnTurnError = HandleTurnErrorAsync;
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        var correlationId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Log.TurnFailed(_logger, exception, correlationId, turnContext.Activity?.Type ?? "unknown");
        _metrics.TurnFailed(turnContext.Activity?.Type);
        var text = ConversationTexts.SomethingWentWrong(correlationId);
        try
        {
            if (turnContext.Activity?.Type == ActivityTypes.Invoke)
            {
                await turnContext.SendActivityAsync(CardActionResponses.Message(text));
            }
            else
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(text));
            }
        }
        catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
        {
            Log.TurnErrorNotDelivered(_logger, sendFailure.GetType().Name, correlationId);
        }
    }
}
