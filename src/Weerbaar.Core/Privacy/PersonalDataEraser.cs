using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Privacy;

/// <summary>Who asks to be forgotten: their Teams user id, their Entra object id, and the state keys that are theirs.</summary>
public sealed record DataSubject(string UserId, string? AadObjectId, IReadOnlyList<string> StateKeys);

/// <summary>What was erased, for the answer to the user.</summary>
public sealed record ErasureReport(int Contributions, int FacilitatedSessions, int StateRecords, int AuditEntries);

/// <summary>
/// Erases one user's personal data on request: their contributions stay in the sessions but no longer point to them,
/// sessions they led lose the link to them, their bot state (user state, the personal chat's history) is deleted,
/// and their name and id leave the knowledge audit trail. Questions without an answer and 👍/👎 were never stored
/// with a user, so there is nothing to erase there.
/// </summary>
public sealed class PersonalDataEraser(IDbContextFactory<WeerbaarDbContext> contextFactory)
{
    public const string ErasedName = "verwijderde gebruiker";

    public async Task<ErasureReport> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var anonymousKey = $"erased:{Guid.NewGuid():N}";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var contributions = 0;
        var facilitated = 0;
        // Keys are stored inside the state document; the text search narrows the sessions to look at.
        var sessions = await db.Sessions.Where(s => s.FacilitatorUserId == subject.UserId || s.State.Contains(subject.UserId)).ToListAsync(cancellationToken);
        foreach (var record in sessions)
        {
            var state = SessionStateJson.Deserialize(record.State);
            var mine = state.Contributions.Count(c => c.AuthorKey == subject.UserId);
            var leads = state.FacilitatorKey == subject.UserId || record.FacilitatorUserId == subject.UserId;
            state = state with
            {
                FacilitatorKey = state.FacilitatorKey == subject.UserId ? anonymousKey : state.FacilitatorKey,
                Contributions = [.. state.Contributions.Select(c => c.AuthorKey == subject.UserId ? c with { AuthorKey = anonymousKey } : c)],
                ReadyKeys = state.ReadyKeys.Where(k => k != subject.UserId).ToHashSet(StringComparer.Ordinal),
            };
            record.State = SessionStateJson.Serialize(state);
            record.FacilitatorUserId = record.FacilitatorUserId == subject.UserId ? null : record.FacilitatorUserId;
            record.Version++;
            contributions += mine;
            facilitated += leads ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);

        // A kept card action names its actor and holds a copy of the session state; it only guards against a repeated
        // click, so dropping it costs nothing.
        await db.SessionActions.Where(a => a.Key.Contains(subject.UserId) || a.Decision.Contains(subject.UserId)).ExecuteDeleteAsync(cancellationToken);
        var keys = subject.StateKeys.ToList();
        var stateRecords = await db.StateRecords.Where(r => keys.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken);
        var audit = subject.AadObjectId is { Length: > 0 } aad
            ? await db.KnowledgeAudit.Where(e => e.ActorId == aad).ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorId, string.Empty).SetProperty(e => e.ActorName, ErasedName), cancellationToken)
            : 0;
        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport(contributions, facilitated, stateRecords, audit);
    }
}
