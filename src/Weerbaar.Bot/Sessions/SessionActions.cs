using Microsoft.Bot.Builder;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The one path a session request takes from every entrance (a card button, a dialog, a typed command): the
/// <see cref="SessionService"/> decides and saves it (once, for a card action pressed twice), it is logged, and
/// <see cref="SessionPublisher"/> shows the group what changed.
/// </summary>
public sealed class SessionActions(SessionService sessions, SessionPublisher publisher, ILogger<SessionActions> logger)
{
    /// <summary>Carries out <paramref name="request"/>; <paramref name="logName"/> names the action in the log.</summary>
    public async Task<SessionChange> ApplyAsync(ITurnContext turnContext, SessionRequest request, Scenario scenario, string logName, CardActionStamp? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = await sessions.ApplyAsync(request, scenario, stamp, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.SessionAction(logger, request.SessionId, logName, change.IsRepeat ? "repeated" : change.Decision.Accepted ? "accepted" : "refused");
        }

        await publisher.PublishAsync(turnContext, change, scenario, cancellationToken);
        return change;
    }

    /// <summary>
    /// What recognises a pressed card when it arrives again: the card's token (<paramref name="cardToken"/>; none,
    /// no stamp) with what was pressed. Two activities with different ids but the same card, button and subject are
    /// one action, and the answer to the repeat is built with the first one's new card token.
    /// </summary>
    public static CardActionStamp? Stamp(Guid sessionId, string actorKey, string action, string? cardToken, params string[] subject) =>
        cardToken is null ? null : new CardActionStamp(SessionActionKey.For(sessionId, actorKey, [action, cardToken, .. subject]), SessionCards.NewToken());
}
