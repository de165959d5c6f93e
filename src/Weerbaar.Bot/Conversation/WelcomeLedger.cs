using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Remembers which conversations got the welcome card. Teams sends several events when the bot is added
/// (a conversation update and an installation update, sometimes twice); the first to claim the conversation
/// sends the card, the rest see the claim and stay quiet — also across instances, because the claim is a
/// create-only write in the shared database.
/// </summary>
public sealed class WelcomeLedger(StateStore store, TimeProvider timeProvider)
{
    public async Task<bool> TryClaimAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            var sentAt = timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await store.WriteAsync(KeyOf(channelId, conversationId), $"{{\"sentAt\":\"{sentAt}\"}}", StateWrite.MustNotExist, cancellationToken);
            return true;
        }
        catch (StateConflictException)
        {
            return false;
        }
    }

    /// <summary>Gives the claim back when the card could not be delivered, so a later event can try again.</summary>
    public Task ReleaseAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => store.DeleteAsync(KeyOf(channelId, conversationId), cancellationToken);

    private static string KeyOf(string channelId, string conversationId) => $"weerbaar/welcome/{channelId}/{conversationId}";
}
