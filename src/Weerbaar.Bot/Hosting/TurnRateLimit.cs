using System.Threading.RateLimiting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Limits how many messages and card actions one user, and one conversation, may send per minute, so one runaway
/// client cannot crowd out the rest. Over the limit the turn does not run; the user is told once per minute, in
/// Dutch, to wait a moment (a card action gets it as the button's answer). Per instance and in memory: the keys are
/// hashes, and a limit that is a little generous across instances is good enough for this protection.
/// </summary>
public sealed class TurnRateLimit : Microsoft.Bot.Builder.IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<string> _turns;
    private readonly PartitionedRateLimiter<string> _notices;
    private readonly ILogger<TurnRateLimit> _logger;

    public TurnRateLimit(IOptions<BotOptions> options, ILogger<TurnRateLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;
        // One limiter, two kinds of partition: "u:" keys count a user's turns, "c:" keys a conversation's.
        _turns = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("u:", StringComparison.Ordinal) ? settings.TurnsPerUserPerMinute : settings.TurnsPerConversationPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
        _notices = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 1,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke) || activity.From?.Id is not string userId || activity.Conversation?.Id is not string conversationId)
        {
            await next(cancellationToken);
            return;
        }

        var user = "u:" + Hash(userId);
        using (var userLease = _turns.AttemptAcquire(user))
        using (var conversationLease = userLease.IsAcquired ? _turns.AttemptAcquire("c:" + Hash(conversationId)) : null)
        {
            if (userLease.IsAcquired && conversationLease?.IsAcquired == true)
            {
                await next(cancellationToken);
                return;
            }
        }

        Log.TurnRateLimited(_logger, activity.Type);
        using var notice = _notices.AttemptAcquire(user);
        if (activity.Type == ActivityTypes.Invoke)
        {
            await turnContext.SendActivityAsync(CardActionResponses.Message(ConversationTexts.SlowDown), cancellationToken);
        }
        else if (notice.IsAcquired)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.SlowDown), cancellationToken);
        }
    }

    public void Dispose()
    {
        _turns.Dispose();
        _notices.Dispose();
    }

    private static string Hash(string value) => IdHash.Of(value);
}
