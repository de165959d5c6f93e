using Microsoft.Bot.Builder;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Counts and times every turn, with the database round trips and write transactions it took. It is the adapter's
/// outermost middleware, so the figures include the bot's replies and saving state; failures are counted by the
/// adapter's turn error handler, which sees every one of them.
/// </summary>
public sealed class TurnMetricsMiddleware(BotMetrics metrics, TimeProvider timeProvider) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var started = timeProvider.GetTimestamp();
        using var database = DatabaseUsage.Begin();
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            metrics.TurnProcessed(turnContext.Activity?.Type, timeProvider.GetElapsedTime(started), database.RoundTrips, database.WriteTransactions);
        }
    }
}
