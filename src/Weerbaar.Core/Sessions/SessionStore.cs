using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Sessions;

/// <summary>Where a session runs: enough of the conversation to reply there and update its shared card.</summary>
public sealed record SessionPlace(string ChannelId, string ConversationId, string ServiceUrl, string? TenantId);

/// <summary>A session as loaded: its state and the version to write against.</summary>
public sealed record StoredSession(Guid Id, SessionPlace Place, SessionState State, int Version, string? SharedCardActivityId, string? FacilitatorUserId);

/// <summary>
/// Sessions in the database: creating, finding and the bookkeeping beside the state (shared card, reports). Changes to
/// the state go through <see cref="SessionService"/>, which saves against the version it loaded.
/// </summary>
public sealed class SessionStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
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

    /// <summary>
    /// The session, if it belongs to this conversation. A session belongs to the conversation it was started in: a
    /// card (or forged card data) from any other conversation, of this organisation or another, cannot see or change it.
    /// </summary>
    public async Task<StoredSession?> FindInConversationAsync(Guid id, string channelId, string conversationId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } session && session.Place.ChannelId == channelId && session.Place.ConversationId == conversationId
            ? session
            : null;

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

    /// <summary>The ids of all running (not paused, not closed) sessions, for the time-up check.</summary>
    public async Task<IReadOnlyList<Guid>> FindRunningIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().Where(r => r.Status == SessionStatus.Running).Select(r => r.Id).ToListAsync(cancellationToken);
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

    /// <summary>Remembers the shared card's activity id once it has been posted.</summary>
    public async Task SetSharedCardAsync(Guid sessionId, string activityId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Sessions.Where(r => r.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(r => r.SharedCardActivityId, activityId), cancellationToken);
    }

    public async Task<string> SaveReportAsync(Guid sessionId, string markdown, string html, byte[] word, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.SessionReports.Add(new SessionReportRecord { Token = token, SessionId = sessionId, Markdown = markdown, Html = html, Word = word, CreatedAt = now, ExpiresAt = now + lifetime });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The session's most recently stored report whose links still work, if any.</summary>
    public async Task<SessionReportRecord?> FindLatestReportAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionReports.AsNoTracking().Where(r => r.SessionId == sessionId && r.ExpiresAt > now)
            .OrderByDescending(r => r.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The report behind <paramref name="token"/> while it has not expired.</summary>
    public async Task<SessionReportRecord?> FindReportAsync(string token, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SessionReports.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token && r.ExpiresAt > now, cancellationToken);
    }

    internal static StoredSession ToStored(SessionRecord record) => new(
        record.Id,
        new SessionPlace(record.ChannelId, record.ConversationId, record.ServiceUrl, record.TenantId),
        SessionStateJson.Deserialize(record.State),
        record.Version,
        record.SharedCardActivityId,
        record.FacilitatorUserId);
}
