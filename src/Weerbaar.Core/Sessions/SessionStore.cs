using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Sessions;

/// <summary>Where a session runs: enough of the conversation to reply there and update its shared card.</summary>
public sealed record SessionPlace(string ChannelId, string ConversationId, string ServiceUrl, string? TenantId);

/// <summary>A session as loaded: its state and the version to write against.</summary>
public sealed record StoredSession(Guid Id, SessionPlace Place, SessionState State, int Version, string? SharedCardActivityId, string? FacilitatorUserId);

/// <summary>
/// Sessions in the database. Every change is load → decide → save against the version that was loaded; a lost race
/// retries with the fresh state, so concurrent contributions are never lost. A card action's dedupe key and response
/// are written in the same transaction as the change they guard.
/// </summary>
public sealed class SessionStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    private const int MaxAttempts = 20;

    public async Task<StoredSession> CreateAsync(SessionPlace place, SessionState state, string facilitatorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(state);
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = new SessionRecord
        {
            Id = state.Id,
            ChannelId = place.ChannelId,
            ConversationId = place.ConversationId,
            ServiceUrl = place.ServiceUrl,
            TenantId = place.TenantId,
            FacilitatorUserId = facilitatorUserId,
            Status = state.Status,
            State = SessionStateJson.Serialize(state),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Sessions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return ToStored(record);
    }

    public async Task<StoredSession?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>The open (running or paused) session of a conversation, if any; the newest one when there are several.</summary>
    public async Task<StoredSession?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Sessions.AsNoTracking()
            .Where(r => r.ChannelId == channelId && r.ConversationId == conversationId && (r.Status == SessionStatus.Running || r.Status == SessionStatus.Paused))
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>The newest completed session of a conversation, for <c>verslag</c>.</summary>
    public async Task<StoredSession?> FindLatestCompletedAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Sessions.AsNoTracking()
            .Where(r => r.ChannelId == channelId && r.ConversationId == conversationId && r.Status == SessionStatus.Completed)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ToStored(record);
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to the current state and saves the result, retrying on a lost race. When
    /// <paramref name="actionKey"/> was processed before, nothing changes and the stored response is returned.
    /// </summary>
    /// <param name="respond">The response to keep for <paramref name="actionKey"/>, made from the decision.</param>
    public async Task<SessionChange> ChangeAsync(
        Guid sessionId,
        Func<SessionState, SessionDecision> decide,
        string? actionKey,
        Func<SessionDecision, string>? respond,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (actionKey is not null && await db.SessionActions.AsNoTracking().FirstOrDefaultAsync(a => a.Key == actionKey, cancellationToken) is { } earlier)
            {
                return SessionChange.Repeated(earlier.Response);
            }

            var record = await db.Sessions.FirstOrDefaultAsync(r => r.Id == sessionId, cancellationToken)
                ?? throw new InvalidOperationException("The session does not exist.");
            var decision = decide(SessionStateJson.Deserialize(record.State));
            if (!decision.Accepted)
            {
                return SessionChange.Decided(decision, ToStored(record), response: null);
            }

            var now = timeProvider.GetUtcNow();
            record.State = SessionStateJson.Serialize(decision.State);
            record.Status = decision.State.Status;
            record.Version++;
            record.UpdatedAt = now;
            var response = respond?.Invoke(decision);
            if (actionKey is not null && response is not null)
            {
                db.SessionActions.Add(new SessionActionRecord { Key = actionKey, SessionId = sessionId, Response = response, CreatedAt = now });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SessionChange.Decided(decision, ToStored(record), response);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another change (or the same action from a double click) won the race: decide again on fresh state.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    /// <summary>Records the new facilitator's Teams user id after a hand-over or take-over.</summary>
    public async Task SetFacilitatorUserAsync(Guid sessionId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(r => r.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(r => r.FacilitatorUserId, userId), cancellationToken);
    }

    /// <summary>Remembers the shared card's activity id once it has been posted.</summary>
    public async Task SetSharedCardAsync(Guid sessionId, string activityId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(r => r.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(r => r.SharedCardActivityId, activityId), cancellationToken);
    }

    public async Task<string> SaveReportAsync(Guid sessionId, string markdown, string html, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.SessionReports.Add(new SessionReportRecord { Token = token, SessionId = sessionId, Markdown = markdown, Html = html, CreatedAt = now, ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The report behind <paramref name="token"/> while it has not expired.</summary>
    public async Task<SessionReportRecord?> FindReportAsync(string token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionReports.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token && r.ExpiresAt > now, cancellationToken);
    }

    private static StoredSession ToStored(SessionRecord record) => new(
        record.Id,
        new SessionPlace(record.ChannelId, record.ConversationId, record.ServiceUrl, record.TenantId),
        SessionStateJson.Deserialize(record.State),
        record.Version,
        record.SharedCardActivityId,
        record.FacilitatorUserId);
}

/// <summary>The outcome of <see cref="SessionStore.ChangeAsync"/>.</summary>
public sealed record SessionChange(SessionDecision? Decision, StoredSession? Session, string? Response, bool IsRepeat)
{
    public static SessionChange Repeated(string response) => new(null, null, response, true);

    public static SessionChange Decided(SessionDecision decision, StoredSession session, string? response) => new(decision, session, response, false);
}
