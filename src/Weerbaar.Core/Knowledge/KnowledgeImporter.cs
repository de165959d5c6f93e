using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Knowledge;

/// <summary>What an import did, by path; with problems it changed nothing.</summary>
public sealed record KnowledgeImportResult(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public bool ChangedPublished => Created.Count > 0 || Updated.Count > 0;
}

/// <summary>
/// Publishes many knowledge files at once (a bulk upload, <c>kb import</c>), all or nothing: every file is checked
/// against the published knowledge with all imported files in place, and one problem in any of them stops the whole
/// import. Files whose text differs from what users see become a new published version with an audit entry; the
/// knowledge revision is raised once, so every instance rebuilds its index once.
/// </summary>
public sealed class KnowledgeImporter(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    private const string CreatedSummary = "Nieuw via import";
    private const string UpdatedSummary = "Bijgewerkt via import";
    private const int MaxAuthorLength = 100;

    public async Task<KnowledgeImportResult> ImportAsync(IReadOnlyList<KnowledgeFile> files, KnowledgeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = CheckShape(files);
        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Checks and changes read the same snapshot; an item changed by someone else meanwhile fails its concurrency token.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = await db.KnowledgeItems.Include(i => i.Versions).ToListAsync(cancellationToken);
        problems = Validate(files, items);
        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var now = timeProvider.GetUtcNow();
        var created = new List<string>();
        var updated = new List<string>();
        var unchanged = new List<string>();
        var publishedNow = new List<(KnowledgeItem Item, KnowledgeItemVersion Version)>();
        foreach (var file in files)
        {
            var item = items.FirstOrDefault(i => i.Kind == file.Kind && i.Key == file.Key);
            var published = item?.Versions.FirstOrDefault(v => v.Id == item.PublishedVersionId);
            if (published is not null && SameText(published.Content, file.Text))
            {
                unchanged.Add(file.Path);
                continue;
            }

            string summary;
            if (item is null)
            {
                item = new KnowledgeItem { Kind = file.Kind, Key = file.Key };
                db.KnowledgeItems.Add(item);
                created.Add(file.Path);
                summary = CreatedSummary;
            }
            else
            {
                updated.Add(file.Path);
                summary = UpdatedSummary;
            }

            var version = Publish(item, file.Text, actor, summary, now);
            publishedNow.Add((item, version));
            KnowledgeEditor.Audit(db, actor, KnowledgeAction.Imported, item, version.Number, summary, now);
        }

        if (publishedNow.Count == 0)
        {
            return new KnowledgeImportResult([], [], unchanged, []);
        }

        try
        {
            // A new version's id exists only after the insert, so the items are linked to it in a second save.
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (item, version) in publishedNow)
            {
                item.PublishedVersionId = version.Id;
            }

            await KnowledgeEditor.RaiseRevisionAsync(db, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Another admin or instance changed the knowledge during the import; the transaction rolls everything back.
            return Refused([.. created.Concat(updated).Select(path => new KnowledgeProblem(path, 1, "changed by someone else during the import; nothing was imported, try again"))]);
        }

        return new KnowledgeImportResult(created, updated, unchanged, []);
    }

    // What must hold before the content is even looked at: one file per path, in its place, with a usable key and size.
    private static List<KnowledgeProblem> CheckShape(IReadOnlyList<KnowledgeFile> files)
    {
        var problems = new List<KnowledgeProblem>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var expected = KnowledgePaths.For(file.Kind, file.Key);
            if (file.Path != expected)
            {
                problems.Add(new KnowledgeProblem(file.Path, 1, $"not a place in the knowledge layout (expected {expected})"));
            }
            else if (!paths.Add(file.Path))
            {
                problems.Add(new KnowledgeProblem(file.Path, 1, "the import holds this file more than once"));
            }
            else if (file.Kind == KnowledgeKind.Article && !KnowledgeRules.Id().IsMatch(file.Key))
            {
                problems.Add(new KnowledgeProblem(file.Path, 1, "the file name may hold only lower-case letters, digits and single hyphens"));
            }
            else if (file.Text.Length > KnowledgeLimits.MaxFileLength)
            {
                problems.Add(new KnowledgeProblem(file.Path, 1, KnowledgeLimits.FileTooLarge));
            }
        }

        return problems;
    }

    // The published knowledge with the imported files in their places; only the imported files' own problems block
    // (a dangling link elsewhere is not the import's fault, as when publishing one item).
    private List<KnowledgeProblem> Validate(IReadOnlyList<KnowledgeFile> files, List<KnowledgeItem> items)
    {
        var imported = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var published = items
            .Select(i => (Item: i, Version: i.Versions.FirstOrDefault(v => v.Id == i.PublishedVersionId)))
            .Where(p => p.Version is not null)
            .Select(p => KnowledgeFile.ForPath(KnowledgePaths.For(p.Item.Kind, p.Item.Key), p.Version!.Content))
            .Where(f => !imported.Contains(f.Path));
        var load = KnowledgeSet.Load([.. published, .. files], DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        return [.. load.Problems.Where(p => imported.Contains(p.File))];
    }

    private static KnowledgeItemVersion Publish(KnowledgeItem item, string text, KnowledgeActor actor, string summary, DateTimeOffset now)
    {
        foreach (var old in item.Versions.Where(v => v.Status == KnowledgeVersionStatus.Published))
        {
            old.Status = KnowledgeVersionStatus.Retired;
        }

        var version = new KnowledgeItemVersion
        {
            Number = item.Versions.Select(v => v.Number).DefaultIfEmpty().Max() + 1,
            Content = text,
            Status = KnowledgeVersionStatus.Published,
            Author = actor.Name.Length <= MaxAuthorLength ? actor.Name : actor.Name[..MaxAuthorLength],
            ChangeSummary = summary,
            CreatedAt = now,
        };
        item.Versions.Add(version);
        item.UpdatedAt = now;
        item.Version++;
        return version;
    }

    // Line endings depend on the machine the files were edited on; they are no change to the content.
    private static bool SameText(string published, string imported) =>
        string.Equals(published.Replace("\r\n", "\n", StringComparison.Ordinal), imported.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

    private static KnowledgeImportResult Refused(IReadOnlyList<KnowledgeProblem> problems) => new([], [], [], problems);
}
