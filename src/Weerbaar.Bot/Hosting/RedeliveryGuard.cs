using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// Processes a message once, however often Teams delivers it (it redelivers when a reply is slow, possibly to another
/// instance): the activity's key is claimed in the shared database before the turn sends or changes anything. The
/// claim waits for the turn's first write (<see cref="TurnWrites"/>) and goes in the same transaction as the state the
/// turn saved by then, so a question costs one write transaction: the state is saved before the first reply leaves,
/// with the claim; a turn that writes elsewhere first writes the claim just before. When the claim is found taken, the
/// turn stops there, without a reply. A failed turn gives the key back so the redelivery can try again. Card actions
/// are deduplicated by their own card token (in the session and feedback stores), conversation updates by the welcome
/// ledger.
/// </summary>
public sealed class RedeliveryGuard(ProcessedActivities processed, ConversationState conversationState, UserState userState, ILogger<RedeliveryGuard> logger)
    : Microsoft.Bot.Builder.IMiddleware
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

        using var writes = TurnWrites.Begin();
        var claim = processed.Claim(activity.ChannelId, conversationId, activity.Id);
        writes.Add(claim);
        writes.WriteFirst = ct => ClaimAsync(writes, claim, () => processed.WritePendingAsync(writes, ct), ct);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            await ClaimWithStateAsync(context, writes, claim, cancellationToken);
            return await nextSend();
        });

        try
        {
            await next(cancellationToken);
            await ClaimWithStateAsync(turnContext, writes, claim, cancellationToken);
        }
        catch (Exception exception) when (IsAlreadyTaken(exception))
        {
            Log.RedeliverySkipped(logger, activity.Type);
        }
        catch
        {
            if (!writes.Pending.Contains(claim))
            {
                await processed.ReleaseAsync(claim, CancellationToken.None);
            }

            throw;
        }
    }

    // Before the first reply (or at the end of a turn without one): the state as it is now, with the claim.
    private async Task ClaimWithStateAsync(ITurnContext turnContext, TurnWrites writes, ProcessedActivityRecord claim, CancellationToken cancellationToken) =>
        await ClaimAsync(writes, claim, async () =>
        {
            await conversationState.SaveChangesAsync(turnContext, force: false, cancellationToken);
            await userState.SaveChangesAsync(turnContext, force: false, cancellationToken);
            await processed.WritePendingAsync(writes, cancellationToken);
        }, cancellationToken);

    private async Task ClaimAsync(TurnWrites writes, ProcessedActivityRecord claim, Func<Task> write, CancellationToken cancellationToken)
    {
        if (!writes.Pending.Contains(claim))
        {
            // Claimed already: what is still pending is written as usual.
            await write();
            return;
        }

        if (!await processed.TryWriteClaimAsync(claim, _ => write(), cancellationToken))
        {
            throw new AlreadyTakenException();
        }
    }

    // Thrown inside another store's write (the claim goes first), EF Core hands it on wrapped.
    private static bool IsAlreadyTaken(Exception? exception) =>
        exception is not null && (exception is AlreadyTakenException || IsAlreadyTaken(exception.InnerException));

    /// <summary>Another delivery of this message holds its claim: the turn ends here, having changed nothing.</summary>
    private sealed class AlreadyTakenException : Exception
    {
    }
}
