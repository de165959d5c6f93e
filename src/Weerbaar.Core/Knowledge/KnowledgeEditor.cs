using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Knowledge;

/// <summary>Who changes knowledge: an admin (Entra object id and display name), or an import without a person.</summary>
public sealed record KnowledgeActor(string Id, string Name)
{
    public static KnowledgeActor CommandLine { get; } = new("cli", "opdrachtregel");
}

public enum EditResult
{
    Saved,
    Published,
    Unpublished,
    RolledBack,

    /// <summary>Someone else changed the item since the editor loaded it; nothing was changed.</summary>
    Conflict,

    /// <summary>The content does not pass the knowledge checks; nothing was published.</summary>
    Invalid,
    NotFound,

    /// <summary>A new item with a key that is already taken.</summary>
    AlreadyExists,
}

/// <summary>What an edit did: the item's concurrency version and the version number it is about, or why it did nothing.</summary>
public sealed record EditOutcome(EditResult Result, int ItemVersion = 0, int VersionNumber = 0, IReadOnlyList<KnowledgeProblem>? Problems = null)
{
    public IReadOnlyList<KnowledgeProblem> Problems { get; } = Problems ?? [];

    public bool Succeeded => Result is EditResult.Saved or EditResult.Published or EditResult.Unpublished or EditResult.RolledBack;
}

/// <summary>One version as the history shows it.</summary>
public sealed record KnowledgeVersionInfo(int Number, KnowledgeVersionStatus Status, string Author, string Summary, DateTimeOffset CreatedAt);

/// <summary>An item with its versions, newest first, as an editor needs it.</summary>
public sealed record KnowledgeItemDetails(
    KnowledgeKind Kind,
    string Key,
    int ItemVersion,
    int? PublishedNumber,
    IReadOnlyList<KnowledgeVersionInfo> Versions,
    string LatestContent,
    int LatestNumber)
{
    public bool HasDraft => Versions.Count > 0 && Versions[0].Status == KnowledgeVersionStatus.Draft;
}

/// <summary>
/// The admin's side of the knowledge: drafts, publishing (checked like the seed files), unpublishing, rollback and the
/// audit trail. Every change is a new version or a status change, never an overwrite, and carries the item's
/// concurrency version so that of two admins saving the same item the second gets a conflict instead of losing the
/// first one's work. A change to what users see raises the knowledge revision, which every instance follows.
/// </summary>
public sealed class KnowledgeEditor(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<KnowledgeItemDetails?> GetAsync(KnowledgeKind kind, string key, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db.KnowledgeItems.AsNoTracking(), kind, key, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var versions = item.Versions.OrderByDescending(v => v.Number).ToList();
        return new KnowledgeItemDetails(
            item.Kind,
            item.Key,
            item.Version,
            item.Versions.FirstOrDefault(v => v.Id == item.PublishedVersionId)?.Number,
            [.. versions.Select(v => new KnowledgeVersionInfo(v.Number, v.Status, v.Author, v.ChangeSummary, v.CreatedAt))],
            versions[0].Content,
            versions[0].Number);
    }

    /// <summary>Items with a draft newer than what users see (admin edits, or seed versions waiting for an admin).</summary>
    public async Task<IReadOnlyList<(KnowledgeKind Kind, string Key, string Author)>> ListDraftsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.KnowledgeItems.AsNoTracking().Include(i => i.Versions).ToListAsync(cancellationToken);
        return [.. items
            .Select(i => (Item: i, Latest: i.Versions.MaxBy(v => v.Number)))
            .Where(x => x.Latest?.Status == KnowledgeVersionStatus.Draft)
            .OrderBy(x => x.Item.Key, StringComparer.Ordinal)
            .Select(x => (x.Item.Kind, x.Item.Key, x.Latest!.Author))];
    }

    /// <summary>
    /// Saves <paramref name="content"/> as a new draft. <paramref name="expectedItemVersion"/> is the version the editor
    /// loaded, or null for a new item. The draft's problems come back as a warning; publishing will refuse them.
    /// </summary>
    public async Task<EditOutcome> SaveDraftAsync(KnowledgeKind kind, string key, string content, KnowledgeActor actor, string summary, int? expectedItemVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        if (content.Length > KnowledgeLimits.MaxFileLength)
        {
            return new EditOutcome(EditResult.Invalid, Problems: [new KnowledgeProblem(KnowledgePaths.For(kind, key), 1, KnowledgeLimits.FileTooLarge)]);
        }

        if (kind == KnowledgeKind.Article && !KnowledgeRules.Id().IsMatch(key))
        {
            return new EditOutcome(EditResult.Invalid, Problems: [new KnowledgeProblem(KnowledgePaths.For(kind, key), 1, "'id' may hold only lower-case letters, digits and single hyphens")]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db.KnowledgeItems, kind, key, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (expectedItemVersion is null)
        {
            if (item is not null)
            {
                return new EditOutcome(EditResult.AlreadyExists, item.Version);
            }

            item = new KnowledgeItem { Kind = kind, Key = key, UpdatedAt = now };
            db.KnowledgeItems.Add(item);
        }
        else if (item is null)
        {
            return new EditOutcome(EditResult.NotFound);
        }
        else if (item.Version != expectedItemVersion)
        {
            return new EditOutcome(EditResult.Conflict, item.Version);
        }

        var number = item.Versions.Select(v => v.Number).DefaultIfEmpty().Max() + 1;
        item.Versions.Add(NewVersion(number, content, KnowledgeVersionStatus.Draft, actor, summary, now));
        Touch(item, now);
        Audit(db, actor, KnowledgeAction.DraftSaved, item, number, summary, now);
        return await SaveAsync(db, item, EditResult.Saved, number, Check(kind, key, content, await PublishedFilesAsync(db, cancellationToken)), cancellationToken);
    }

    /// <summary>Publishes version <paramref name="number"/> after checking it against the rest of the published knowledge.</summary>
    public async Task<EditOutcome> PublishAsync(KnowledgeKind kind, string key, int number, KnowledgeActor actor, int expectedItemVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db.KnowledgeItems, kind, key, cancellationToken);
        var version = item?.Versions.FirstOrDefault(v => v.Number == number);
        if (item is null || version is null)
        {
            return new EditOutcome(EditResult.NotFound);
        }

        if (item.Version != expectedItemVersion)
        {
            return new EditOutcome(EditResult.Conflict, item.Version);
        }

        var problems = Check(kind, key, version.Content, await PublishedFilesAsync(db, cancellationToken));
        if (problems.Count > 0)
        {
            return new EditOutcome(EditResult.Invalid, item.Version, number, problems);
        }

        var now = timeProvider.GetUtcNow();
        MakePublished(item, version);
        Touch(item, now);
        Audit(db, actor, KnowledgeAction.Published, item, number, version.ChangeSummary, now);
        await RaiseRevisionAsync(db, now, cancellationToken);
        return await SaveAsync(db, item, EditResult.Published, number, [], cancellationToken);
    }

    /// <summary>Takes an article out of the answers; its versions stay for history and rollback.</summary>
    public async Task<EditOutcome> UnpublishAsync(KnowledgeKind kind, string key, KnowledgeActor actor, int expectedItemVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db.KnowledgeItems, kind, key, cancellationToken);
        var published = item?.Versions.FirstOrDefault(v => v.Status == KnowledgeVersionStatus.Published);
        if (item is null || published is null || kind != KnowledgeKind.Article)
        {
            return new EditOutcome(EditResult.NotFound);
        }

        if (item.Version != expectedItemVersion)
        {
            return new EditOutcome(EditResult.Conflict, item.Version);
        }

        var now = timeProvider.GetUtcNow();
        published.Status = KnowledgeVersionStatus.Retired;
        item.PublishedVersionId = null;
        Touch(item, now);
        Audit(db, actor, KnowledgeAction.Unpublished, item, published.Number, "Uit de antwoorden gehaald", now);
        await RaiseRevisionAsync(db, now, cancellationToken);
        return await SaveAsync(db, item, EditResult.Unpublished, published.Number, [], cancellationToken);
    }

    /// <summary>
    /// Undoes a publication in one step: version <paramref name="toNumber"/> becomes a new published version; without
    /// a number, the version published before the current one, or — when there was none, as for a new article —
    /// nothing, so the article leaves the answers.
    /// </summary>
    public async Task<EditOutcome> RollbackAsync(KnowledgeKind kind, string key, int? toNumber, KnowledgeActor actor, int expectedItemVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var item = await FindAsync(db.KnowledgeItems, kind, key, cancellationToken);
        if (item is null)
        {
            return new EditOutcome(EditResult.NotFound);
        }

        if (item.Version != expectedItemVersion)
        {
            return new EditOutcome(EditResult.Conflict, item.Version);
        }

        var current = item.Versions.FirstOrDefault(v => v.Status == KnowledgeVersionStatus.Published);
        var target = toNumber is int number
            ? item.Versions.FirstOrDefault(v => v.Number == number)
            : item.Versions.Where(v => v.Status == KnowledgeVersionStatus.Retired && v.Number < (current?.Number ?? int.MaxValue)).MaxBy(v => v.Number);
        var now = timeProvider.GetUtcNow();
        if (target is null)
        {
            if (toNumber is not null || current is null || kind != KnowledgeKind.Article)
            {
                return new EditOutcome(EditResult.NotFound);
            }

            current.Status = KnowledgeVersionStatus.Retired;
            item.PublishedVersionId = null;
            Touch(item, now);
            Audit(db, actor, KnowledgeAction.RolledBack, item, current.Number, $"Versie {current.Number} teruggedraaid; er was geen eerdere versie, dus het staat niet meer in de antwoorden", now);
            await RaiseRevisionAsync(db, now, cancellationToken);
            return await SaveAsync(db, item, EditResult.RolledBack, current.Number, [], cancellationToken);
        }

        var problems = Check(kind, key, target.Content, await PublishedFilesAsync(db, cancellationToken));
        if (problems.Count > 0)
        {
            return new EditOutcome(EditResult.Invalid, item.Version, target.Number, problems);
        }

        var next = item.Versions.Max(v => v.Number) + 1;
        var summary = $"Teruggezet naar versie {target.Number}";
        var restored = NewVersion(next, target.Content, KnowledgeVersionStatus.Draft, actor, summary, now);
        item.Versions.Add(restored);
        MakePublished(item, restored);
        Touch(item, now);
        Audit(db, actor, KnowledgeAction.RolledBack, item, next, summary, now);
        await RaiseRevisionAsync(db, now, cancellationToken);
        return await SaveAsync(db, item, EditResult.RolledBack, next, [], cancellationToken);
    }

    /// <summary>The audit trail, newest first.</summary>
    public async Task<IReadOnlyList<KnowledgeAuditEntry>> AuditTrailAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.KnowledgeAudit.AsNoTracking().OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The problems <paramref name="content"/> would have if it were published next to the rest of the published
    /// knowledge; only its own problems count (a dangling link elsewhere is not this item's fault).
    /// </summary>
    public IReadOnlyList<KnowledgeProblem> Check(KnowledgeKind kind, string key, string content, IReadOnlyList<KnowledgeFile> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var path = KnowledgePaths.For(kind, key);
        if (content.Length > KnowledgeLimits.MaxFileLength)
        {
            return [new KnowledgeProblem(path, 1, KnowledgeLimits.FileTooLarge)];
        }

        var candidate = KnowledgeFile.ForPath(path, content);
        var files = published.Where(f => f.Path != path).Append(candidate);
        var load = KnowledgeSet.Load(files, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        return [.. load.Problems.Where(p => p.File == path)];
    }

    /// <summary>The published files as they are in the database now.</summary>
    public async Task<IReadOnlyList<KnowledgeFile>> PublishedFilesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await PublishedFilesAsync(db, cancellationToken);
    }

    internal static async Task<IReadOnlyList<KnowledgeFile>> PublishedFilesAsync(WeerbaarDbContext db, CancellationToken cancellationToken)
    {
        var published = await db.KnowledgeItems.AsNoTracking()
            .Join(db.KnowledgeItemVersions.AsNoTracking(), i => i.PublishedVersionId, v => (int?)v.Id, (i, v) => new { i.Kind, i.Key, v.Content })
            .ToListAsync(cancellationToken);
        return [.. published.Select(p => KnowledgeFile.ForPath(KnowledgePaths.For(p.Kind, p.Key), p.Content))];
    }

    internal static void Audit(WeerbaarDbContext db, KnowledgeActor actor, KnowledgeAction action, KnowledgeItem item, int number, string summary, DateTimeOffset now) =>
        db.KnowledgeAudit.Add(new KnowledgeAuditEntry
        {
            At = now,
            ActorId = Truncate(actor.Id, 100),
            ActorName = Truncate(actor.Name, 100),
            Action = action,
            Kind = item.Kind,
            Key = item.Key,
            VersionNumber = number,
            Summary = Truncate(summary, 500),
        });

    internal static async Task RaiseRevisionAsync(WeerbaarDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revision = await db.KnowledgeRevisions.FirstOrDefaultAsync(r => r.Id == KnowledgeRevision.SingletonId, cancellationToken);
        if (revision is null)
        {
            db.KnowledgeRevisions.Add(new KnowledgeRevision { Number = 1, ChangedAt = now });
        }
        else
        {
            revision.Number++;
            revision.ChangedAt = now;
        }
    }

    private static Task<KnowledgeItem?> FindAsync(IQueryable<KnowledgeItem> items, KnowledgeKind kind, string key, CancellationToken cancellationToken) =>
        items.Include(i => i.Versions).FirstOrDefaultAsync(i => i.Kind == kind && i.Key == key, cancellationToken);

    private static void MakePublished(KnowledgeItem item, KnowledgeItemVersion version)
    {
        foreach (var other in item.Versions.Where(v => v.Status == KnowledgeVersionStatus.Published && v != version))
        {
            other.Status = KnowledgeVersionStatus.Retired;
        }

        version.Status = KnowledgeVersionStatus.Published;
    }

    private static void Touch(KnowledgeItem item, DateTimeOffset now)
    {
        item.UpdatedAt = now;
        item.Version++;
    }

    // The published version's id is known only after the insert, so it is linked in a second save inside one transaction.
    private static async Task<EditOutcome> SaveAsync(WeerbaarDbContext db, KnowledgeItem item, EditResult result, int number, IReadOnlyList<KnowledgeProblem> problems, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var published = item.Versions.FirstOrDefault(v => v.Status == KnowledgeVersionStatus.Published);
            if (item.PublishedVersionId != published?.Id)
            {
                item.PublishedVersionId = published?.Id;
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Another admin or instance changed the item (or created the same new one) in the meantime.
            return new EditOutcome(EditResult.Conflict);
        }

        return new EditOutcome(result, item.Version, number, problems);
    }

    private static KnowledgeItemVersion NewVersion(int number, string content, KnowledgeVersionStatus status, KnowledgeActor actor, string summary, DateTimeOffset now) => new()
    {
        Number = number,
        Content = content,
        Status = status,
        Author = Truncate(actor.Name, 100),
        ChangeSummary = Truncate(string.IsNullOrWhiteSpace(summary) ? "Bewerkt" : summary.Trim(), 500),
        CreatedAt = now,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
