using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Who gets their own view automatically when they look at the shared card (the card's <c>refresh.userIds</c>).
/// In a session that is not anonymous: the facilitator, everyone who took part so far, and the rest of the
/// conversation's members up to Teams' limit. In an anonymous session only the facilitator, because the card may name
/// no participant at all; the others press "Toon mijn weergave".
/// </summary>
public sealed class RefreshAudience(ILogger<RefreshAudience> logger)
{
    /// <summary>Teams refreshes personal views automatically for at most this many members.</summary>
    public const int MaxUsers = 60;

    public async Task<IReadOnlyList<string>> ForAsync(ITurnContext turnContext, StoredSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(session);
        string[] facilitator = session.FacilitatorUserId is string id ? [id] : [];
        if (session.State.Settings.Anonymous)
        {
            return facilitator;
        }

        var taking = session.State.Contributions.Select(c => c.AuthorKey).Concat(session.State.ReadyKeys);
        var members = await MembersAsync(turnContext, session.Id, cancellationToken);
        return [.. facilitator.Concat(taking).Concat(members).Distinct(StringComparer.Ordinal).Take(MaxUsers)];
    }

    // The first page of the roster is enough: only 60 members can be refreshed anyway. The roster only widens who gets
    // their own view, so no failure of it may stop the card: Teams refusing, a timeout, or a reply that cannot be read
    // (any exception but the turn's own cancellation). Those members use "Toon mijn weergave".
    private async Task<IEnumerable<string>> MembersAsync(ITurnContext turnContext, Guid sessionId, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Conversation?.ConversationType == "personal")
        {
            return [];
        }

        try
        {
            var page = await TeamsInfo.GetPagedMembersAsync(turnContext, MaxUsers, null, cancellationToken);
            return page?.Members?.Select(m => m.Id).Where(id => !string.IsNullOrEmpty(id)) ?? [];
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.RosterUnavailable(logger, sessionId, exception.GetType().Name);
            return [];
        }
    }
}
