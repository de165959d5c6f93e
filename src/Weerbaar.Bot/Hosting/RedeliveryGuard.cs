using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Processes a message once, however often Teams delivers it (it redelivers when a reply is slow, possibly to another
/// instance): the activity's key is taken in the shared database before the turn runs. A failed turn gives the key
/// back so the redelivery can try again. Card actions are deduplicated by their own card token (in the session and
/// feedback stores), conversation updates by the welcome ledger.
/// </summary>
public sealed class RedeliveryGuard(ProcessedActivities processed, ILogger<RedeliveryGuard> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is not string conversationId)
        {
            await next(cancellationToken);
            return;
        }

        if (!await processed.TryTakeAsync(activity.ChannelId, conversationId, activity.Id, cancellationToken))
        {
            Log.RedeliverySkipped(logger, activity.Type);
            return;
        }

        try
        {
            await next(cancellationToken);
        }
        catch
        {
            await processed.ReleaseAsync(activity.ChannelId, conversationId, activity.Id, CancellationToken.None);
            throw;
        }
    }
}
