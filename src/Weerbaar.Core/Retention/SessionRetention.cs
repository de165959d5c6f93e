using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Retention;

/// <summary>
/// Deletes finished sessions (with their contributions) after <see cref="RetentionOptions.SessionDays"/>, reports
/// whose link expired, and the records that guard against repeated card actions once no client can repeat them.
/// </summary>
public sealed class SessionRetention(IDbContextFactory<WeerbaarDbContext> contextFactory, IOptions<RetentionOptions> options) : IRetentionPolicy
{
    // A repeated click arrives within seconds; a day is far beyond any redelivery.
    private static readonly TimeSpan ActionRecordLifetime = TimeSpan.FromDays(1);

    public string Name => "sessions";

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessionCutoff = now.AddDays(-options.Value.SessionDays);
        var actionCutoff = now - ActionRecordLifetime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Sessions
            .Where(s => (s.Status == SessionStatus.Completed || s.Status == SessionStatus.Cancelled) && s.UpdatedAt < sessionCutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var reports = await db.SessionReports.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var actions = await db.SessionActions.Where(a => a.CreatedAt < actionCutoff).ExecuteDeleteAsync(cancellationToken);
        return sessions + reports + actions;
    }
}
