using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// A bulk import on every provider is all or nothing: changed files become new published versions with an audit entry
/// and one revision step, a single invalid file leaves the database exactly as it was, and importing what was
/// exported changes nothing.
/// </summary>
public abstract class KnowledgeImporterContract(StorageProvider provider) : IAsyncLifetime
{
    private const string NewTitle = "Wat hoort er in een noodpakket voor thuis?";

    private TestDatabase _database = null!;
    private WeerbaarDbContextFactory _contexts = null!;
    private KnowledgeImporter _importer = null!;
    private KnowledgeStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        _contexts = await _database.MigrateAsync();
        _store = new KnowledgeStore(_contexts, TimeProvider.System);
        _importer = new KnowledgeImporter(_contexts, TimeProvider.System);
        await _store.ImportSeedAsync(RepositoryKnowledge.Files, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ImportAsync_ChangedArticle_PublishesANewVersion_AndAuditsIt()
    {
        var files = RepositoryKnowledge.Files.Select(f => f.Key == "noodpakket" ? WithTitle(f, NewTitle) : f).ToList();

        var result = await _importer.ImportAsync(files, KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(["articles/noodpakket.md"], result.Updated);
        Assert.Empty(result.Created);
        Assert.Equal(files.Count - 1, result.Unchanged.Count);
        var (published, _) = await _store.LoadPublishedAsync(CancellationToken.None);
        Assert.Equal(NewTitle, published.Set.ArticlesById["noodpakket"].Title);
        Assert.Equal(2, published.VersionOf("noodpakket"));
        Assert.Equal(2, await _store.GetRevisionAsync(CancellationToken.None));
        await using var db = _contexts.CreateDbContext();
        var versions = await db.KnowledgeItemVersions.Where(v => v.ItemId == db.KnowledgeItems.Single(i => i.Key == "noodpakket").Id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([KnowledgeVersionStatus.Retired, KnowledgeVersionStatus.Published], versions.Select(v => v.Status));
        Assert.Equal(KnowledgeActor.CommandLine.Name, versions[1].Author);
        var audit = await db.KnowledgeAudit.Where(e => e.ActorId == KnowledgeActor.CommandLine.Id).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal((KnowledgeAction.Imported, KnowledgeKind.Article, "noodpakket", 2), (entry.Action, entry.Kind, entry.Key, entry.VersionNumber));
    }

    [Fact]
    public async Task ImportAsync_NewArticleThatOnlyFitsWithAnotherImportedFile_CreatesIt()
    {
        var noodpakket = RepositoryKnowledge.Files.Single(f => f.Key == "noodpakket");
        var copy = KnowledgeFile.ForArticle("noodpakket-thuis", Regex.Replace(noodpakket.Text, "(?m)^id: .*$", "id: noodpakket-thuis"));
        // The changed noodpakket refers to the new article: valid only because the new one is imported with it.
        var changed = noodpakket with { Text = Regex.Replace(noodpakket.Text, "(?m)^related: \\[", "related: [noodpakket-thuis, ") };

        var result = await _importer.ImportAsync([copy, changed], KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(["articles/noodpakket-thuis.md"], result.Created);
        Assert.Equal(["articles/noodpakket.md"], result.Updated);
        var (published, problems) = await _store.LoadPublishedAsync(CancellationToken.None);
        Assert.Empty(problems);
        Assert.Equal(1, published.VersionOf("noodpakket-thuis"));
        Assert.Equal(2, await _store.GetRevisionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_OneInvalidFileAmongValidOnes_ChangesNothing()
    {
        var noodpakket = RepositoryKnowledge.Files.Single(f => f.Key == "noodpakket");
        var valid = WithTitle(noodpakket, NewTitle);
        var created = KnowledgeFile.ForArticle("noodpakket-thuis", Regex.Replace(noodpakket.Text, "(?m)^id: .*$", "id: noodpakket-thuis"));
        var broken = KnowledgeFile.ForArticle("kapot", "---\nid: kapot\ntitle: x\nstatus: published\n---\nTe kort.\n");
        var before = await SnapshotAsync();

        var result = await _importer.ImportAsync([valid, created, broken], KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, p => Assert.Equal("articles/kapot.md", p.File));
        Assert.Contains(result.Problems, p => p.Line == 3);
        Assert.Empty(result.Created);
        Assert.Empty(result.Updated);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ImportAsync_WhatWasExported_ChangesNothing()
    {
        var exported = await new KnowledgeEditor(_contexts, TimeProvider.System).PublishedFilesAsync(CancellationToken.None);
        var before = await SnapshotAsync();

        var result = await _importer.ImportAsync(exported, KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.False(result.ChangedPublished);
        Assert.Equal(RepositoryKnowledge.Files.Count, result.Unchanged.Count);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ImportAsync_SameTextWithWindowsLineEndings_ChangesNothing()
    {
        var files = RepositoryKnowledge.Files.Select(f => f with { Text = f.Text.Replace("\n", "\r\n", StringComparison.Ordinal) }).ToList();

        var result = await _importer.ImportAsync(files, KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.False(result.ChangedPublished);
        Assert.Equal(1, await _store.GetRevisionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_FilesOutOfPlaceOrTwice_AreRefusedBeforeTheContentIsRead()
    {
        var noodpakket = RepositoryKnowledge.Files.Single(f => f.Key == "noodpakket");
        var files = new[]
        {
            noodpakket,
            noodpakket,
            KnowledgeFile.ForPath("articles/sub/x.md", noodpakket.Text),
            KnowledgeFile.ForArticle("Hoofdletters", noodpakket.Text),
            KnowledgeFile.ForArticle("te-groot", new string('a', KnowledgeLimits.MaxFileLength + 1)),
        };

        var result = await _importer.ImportAsync(files, KnowledgeActor.CommandLine, CancellationToken.None);

        Assert.Equal(["articles/noodpakket.md", "articles/sub/x.md", "articles/Hoofdletters.md", "articles/te-groot.md"], result.Problems.Select(p => p.File));
        Assert.Equal(1, await _store.GetRevisionAsync(CancellationToken.None));
    }

    private static KnowledgeFile WithTitle(KnowledgeFile file, string title) =>
        file with { Text = Regex.Replace(file.Text, "(?m)^title: .*$", "title: " + title) };

    // Everything an import may touch, in a comparable form.
    private async Task<string> SnapshotAsync()
    {
        await using var db = _contexts.CreateDbContext();
        var revision = await db.KnowledgeRevisions.Select(r => r.Number).SingleAsync();
        var items = await db.KnowledgeItems.OrderBy(i => i.Id).Select(i => $"{i.Kind}/{i.Key}:{i.Version}:{i.PublishedVersionId}").ToListAsync();
        var versions = await db.KnowledgeItemVersions.OrderBy(v => v.Id).Select(v => $"{v.ItemId}/{v.Number}:{v.Status}").ToListAsync();
        var audit = await db.KnowledgeAudit.CountAsync();
        return $"revision {revision}; audit {audit}; {string.Join(", ", items)}; {string.Join(", ", versions)}";
    }
}

public sealed class SqliteKnowledgeImporterTests() : KnowledgeImporterContract(StorageProvider.Sqlite);

[Slow(SlowKind.Postgres)]
public sealed class PostgresKnowledgeImporterTests() : KnowledgeImporterContract(StorageProvider.Postgres);
