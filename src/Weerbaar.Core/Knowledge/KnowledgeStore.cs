using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Knowledge;

/// <summary>
/// Knowledge content in the database: every change is a new version, users get the published one. The seed files
/// are imported on start following DESIGN.md decision 6: new items are published; a changed seed file becomes the new
/// published version only if no admin edited the item since its last import, otherwise it waits as a draft.
/// </summary>
public sealed class KnowledgeStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    private const string WaitingSummary = "Nieuwe seedversie; wacht op een beheerder omdat het item sindsdien is bewerkt";

    // A conflict means another writer committed first, so a fresh read sees its work; a few attempts are enough.
    private const int SeedAttempts = 3;

    // SQLite's extended result codes SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    private static readonly KnowledgeActor Seed = new(KnowledgeItemVersion.SeedAuthor, "seedbestanden");

    /// <summary>
    /// Imports <paramref name="seed"/>. Safe when another instance imports the same seed at the same time: when it
    /// inserted an item first (or changed one this import read), the import reads again and takes its work as done.
    /// </summary>
    public async Task<SeedReport> ImportSeedAsync(IReadOnlyList<KnowledgeFile> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var load = KnowledgeSet.Load(seed, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ImportSeedOnceAsync(seed, load, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < SeedAttempts && IsConcurrentWrite(exception))
            {
                // The transaction rolled back as a whole; the next attempt starts from what the other writer stored.
            }
        }
    }

    private async Task<SeedReport> ImportSeedOnceAsync(IReadOnlyList<KnowledgeFile> seed, KnowledgeLoad load, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var updated = new List<string>();
        var waiting = new List<string>();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = await db.KnowledgeItems.Include(i => i.Versions).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        foreach (var file in seed.Where(file => !load.Rejected.Contains(file)))
        {
            var hash = Hash(file.Text);
            var item = items.FirstOrDefault(i => i.Kind == file.Kind && i.Key == file.Key);
            if (item is null)
            {
                item = new KnowledgeItem { Kind = file.Kind, Key = file.Key, UpdatedAt = now, LastSeedHash = hash };
                item.Versions.Add(NewVersion(1, file.Text, KnowledgeVersionStatus.Published, "Geïmporteerd uit de seedbestanden", now));
                db.KnowledgeItems.Add(item);
                KnowledgeEditor.Audit(db, Seed, KnowledgeAction.Imported, item, 1, "Geïmporteerd uit de seedbestanden", now);
                created.Add(file.Path);
                continue;
            }

            if (item.LastSeedHash == hash)
            {
                continue;
            }

            var latest = item.Versions.MaxBy(v => v.Number);
            // An admin's version newer than the last seed version that reached users: the seed must not overwrite it.
            var lastSeedServed = item.Versions.Where(v => v.Author == KnowledgeItemVersion.SeedAuthor && v.Status != KnowledgeVersionStatus.Draft)
                .Select(v => v.Number).DefaultIfEmpty().Max();
            var editedByAdmin = item.Versions.Any(v => v.Author != KnowledgeItemVersion.SeedAuthor && v.Number > lastSeedServed);
            var number = (latest?.Number ?? 0) + 1;
            if (editedByAdmin)
            {
                item.Versions.Add(NewVersion(number, file.Text, KnowledgeVersionStatus.Draft, WaitingSummary, now));
                KnowledgeEditor.Audit(db, Seed, KnowledgeAction.DraftSaved, item, number, WaitingSummary, now);
                waiting.Add(file.Path);
            }
            else
            {
                foreach (var published in item.Versions.Where(v => v.Status == KnowledgeVersionStatus.Published))
                {
                    published.Status = KnowledgeVersionStatus.Retired;
                }

                item.Versions.Add(NewVersion(number, file.Text, KnowledgeVersionStatus.Published, "Bijgewerkt uit de seedbestanden", now));
                KnowledgeEditor.Audit(db, Seed, KnowledgeAction.Imported, item, number, "Bijgewerkt uit de seedbestanden", now);
                updated.Add(file.Path);
            }

            item.LastSeedHash = hash;
            item.UpdatedAt = now;
            item.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await LinkPublishedVersionsAsync(db, cancellationToken);
        if (created.Count > 0 || updated.Count > 0)
        {
            await KnowledgeEditor.RaiseRevisionAsync(db, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SeedReport(created, updated, waiting, load.Problems);
    }

    /// <summary>The published knowledge, checked as a whole; items that no longer fit are left out (and named in the load).</summary>
    public async Task<(PublishedKnowledge Knowledge, IReadOnlyList<KnowledgeProblem> Problems)> LoadPublishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var revision = await RevisionAsync(db, cancellationToken);
        var published = await db.KnowledgeItems.AsNoTracking()
            .Join(db.KnowledgeItemVersions.AsNoTracking(), i => i.PublishedVersionId, v => (int?)v.Id, (i, v) => new { i.Kind, i.Key, v.Number, v.Content })
            .ToListAsync(cancellationToken);
        var files = published.Select(p => KnowledgeFile.ForPath(KnowledgePaths.For(p.Kind, p.Key), p.Content)).ToList();
        var load = KnowledgeSet.Load(files, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        var versions = published.Where(p => p.Kind == KnowledgeKind.Article).ToDictionary(p => p.Key, p => p.Number, StringComparer.Ordinal);
        return (new PublishedKnowledge(load.Set, versions, revision), load.Problems);
    }

    /// <summary>The counter of published-knowledge changes; cheap enough to poll.</summary>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await RevisionAsync(db, cancellationToken);
    }

    private static async Task<long> RevisionAsync(WeerbaarDbContext db, CancellationToken cancellationToken) =>
        await db.KnowledgeRevisions.AsNoTracking().Where(r => r.Id == KnowledgeRevision.SingletonId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);

    private static async Task LinkPublishedVersionsAsync(WeerbaarDbContext db, CancellationToken cancellationToken)
    {
        foreach (var item in db.KnowledgeItems.Local)
        {
            var published = item.Versions.Where(v => v.Status == KnowledgeVersionStatus.Published).MaxBy(v => v.Number);
            if (item.PublishedVersionId != published?.Id)
            {
                item.PublishedVersionId = published?.Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Another writer got there first: a key it inserted (PostgreSQL 23505, SQLite's unique constraint), or a row it changed.</summary>
    private static bool IsConcurrentWrite(DbUpdateException exception) => exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation };

    private static KnowledgeItemVersion NewVersion(int number, string content, KnowledgeVersionStatus status, string summary, DateTimeOffset now) => new()
    {
        Number = number,
        Content = content,
        Status = status,
        Author = KnowledgeItemVersion.SeedAuthor,
        ChangeSummary = summary,
        CreatedAt = now,
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
