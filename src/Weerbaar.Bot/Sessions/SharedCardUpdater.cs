using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Updates a shared card in place, once. Throttling (429 with Retry-After) is the connector's resilience pipeline's to
/// handle, so an update costs at most 1 + <c>Bot:ThrottleRetries</c> calls; a second retry loop here multiplied them.
/// The update only shows the group a change that is already saved, so no failure of it may fail the action.
/// </summary>
public sealed class SharedCardUpdater(ILogger<SharedCardUpdater> logger)
{
    /// <summary>Whether Teams took the update; when not, the card catches up with the next change or "toon mijn weergave".</summary>
    public async Task<bool> UpdateAsync(ITurnContext turnContext, Guid sessionId, string activityId, Attachment card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var update = MessageFactory.Attachment(card);
        update.Id = activityId;
        try
        {
            await turnContext.UpdateActivityAsync(update, cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // Whatever Teams answers (an error, a timeout, a reply that cannot be read), the saved change stands.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.SharedCardNotUpdated(logger, sessionId, exception.GetType().Name);
            return false;
        }
    }
}
