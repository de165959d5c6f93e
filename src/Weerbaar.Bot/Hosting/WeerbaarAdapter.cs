using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// The Bot Framework CloudAdapter with Weerbaar's gate and turn error handling. Between authentication and the turn,
/// an activity from a channel or tenant the deployment does not serve is refused with 403 (an unauthenticated caller
/// gets 401 first, whatever it claims). A failed turn's exception is logged under a short correlation id (never with
/// the user's text), and the user is told in Dutch that something went wrong and that nothing they entered was lost.
/// State changes of a failed turn are not saved.
/// </summary>
public sealed class WeerbaarAdapter : CloudAdapter, IBotFrameworkHttpAdapter
{
    private readonly ChannelPolicy _channels;
    private readonly TenantPolicy _tenants;
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
        ChannelPolicy channels,
        TenantPolicy tenants,
        TimeProvider timeProvider,
        ILogger<WeerbaarAdapter> logger)
        : base(authentication, logger)
    {
        _channels = channels;
        _tenants = tenants;
        _logger = logger;
        _metrics = metrics;
        Use(logScope);
        Use(new TurnMetricsMiddleware(metrics, timeProvider));
        Use(redeliveryGuard);
        Use(rateLimit);
        Use(new AutoSaveStateMiddleware(conversationState, userState));
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// CloudAdapter's handling of a POST with the gate between its two steps. Neither CloudAdapter.ProcessAsync nor
    /// CloudAdapterBase's ProcessActivityAsync, which authenticates and runs the turn in one go, is virtual (SDK 4.23),
    /// so the steps are taken here with the SDK's own parts: the same deserialization, authentication, turn and
    /// response writing. The method hides the base one and re-implements <see cref="IBotFrameworkHttpAdapter"/>, so
    /// every caller that holds this adapter or the interface passes the gate. Only POST reaches it (MessagesEndpoint).
    /// </summary>
    public new async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        ArgumentNullException.ThrowIfNull(httpResponse);
        ArgumentNullException.ThrowIfNull(bot);
        if (!HttpMethods.IsPost(httpRequest.Method))
        {
            httpResponse.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        try
        {
            var activity = await HttpHelper.ReadRequestAsync<Activity>(httpRequest);
            if (string.IsNullOrEmpty(activity?.Type))
            {
                httpResponse.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, httpRequest.Headers.Authorization, cancellationToken);
            if (!Admits(activity))
            {
                httpResponse.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            var invokeResponse = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
            await HttpHelper.WriteResponseAsync(httpResponse, invokeResponse);
        }
        catch (UnauthorizedAccessException)
        {
            // As CloudAdapter does: a token that fails validation is the caller's problem.
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private bool Admits(Activity activity)
    {
        if (!_channels.Allows(activity))
        {
            Log.ChannelRefused(_logger);
            return false;
        }

        if (!_tenants.Allows(activity))
        {
            Log.TenantRefused(_logger);
            return false;
        }

        return true;
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
