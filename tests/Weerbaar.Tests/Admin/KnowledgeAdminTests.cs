using Weerbaar.Core.Admin;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// The admin's actions in the core, without Teams: each loads, decides and saves with the item version the admin saw,
/// keeps what the form does not show, and says whether users' answers changed so the caller rebuilds its index.
/// </summary>
public sealed class KnowledgeAdminTests : IAsyncLifetime
{
    private static readonly KnowledgeActor Bea = new("aad-bea", "Bea Beheerder");

    private TestDatabase _database = null!;
    private KnowledgeSearch _search = null!;
    private UnansweredQuestionLog _questions = null!;
    private KnowledgeAdmin _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(StorageProvider.Sqlite);
        var contexts = await _database.MigrateAsync();
        await new KnowledgeStore(contexts, TimeProvider.System).ImportSeedAsync(RepositoryKnowledge.Files, CancellationToken.None);
        _search = new KnowledgeSearch();
        _search.Replace(RepositoryKnowledge.Published);
        _questions = new UnansweredQuestionLog(contexts, TimeProvider.System);
        _admin = new KnowledgeAdmin(new KnowledgeEditor(contexts, TimeProvider.System), _search, _questions, new FeedbackStore(contexts, TimeProvider.System));
    }

    public async ValueTask DisposeAsync()
    {
        _search.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SaveArticle_Publish_PublishesTheNewVersion_AndSaysAnswersChanged()
    {
        var (form, item) = await FormAsync("noodpakket");

        var saved = await _admin.SaveArticleAsync(Save(form with { Title = "Wat stopt u in een noodpakket voor 72 uur?" }, item.ItemVersion, publish: true), CancellationToken.None);

        Assert.Equal((EditResult.Saved, EditResult.Published), (saved.Change.Saved.Result, saved.Change.Final.Result));
        Assert.True(saved.Change.ChangesAnswers);
        Assert.Equal(2, saved.After!.Item.PublishedNumber);
        Assert.Equal("Wat stopt u in een noodpakket voor 72 uur?", saved.After.Draft!.Title);
        Assert.Equal("Bewerkt", saved.After.Item.Versions[0].Summary);
    }

    [Fact]
    public async Task SaveArticle_KeepsTheStoredFieldsTheFormDoesNotShow()
    {
        var (stored, item) = await FormAsync("noodpakket");
        Assert.NotEmpty(stored.RelatedIds);
        // What the form gives back: no audience, resources, related articles or action of its own.
        var form = stored with { Audience = ["iedereen"], ResourceIds = [], RelatedIds = [], Action = ArticleAction.None, Summary = stored.Summary + " Ook voor huisdieren." };

        var saved = await _admin.SaveArticleAsync(Save(form, item.ItemVersion, publish: false), CancellationToken.None);

        Assert.False(saved.Change.ChangesAnswers);
        var after = saved.After!.Draft!;
        Assert.Equal(stored.Audience, after.Audience);
        Assert.Equal(stored.ResourceIds, after.ResourceIds);
        Assert.Equal(stored.RelatedIds, after.RelatedIds);
        Assert.Equal(stored.Action, after.Action);
        Assert.EndsWith("Ook voor huisdieren.", after.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveArticle_NothingChangedSinceTheLatestVersion_SavesNoCopy()
    {
        var (form, item) = await FormAsync("noodpakket");
        var first = await _admin.SaveArticleAsync(Save(form with { Summary = form.Summary + " Eerst." }, item.ItemVersion, publish: false), CancellationToken.None);

        // A double click: the same form again, drawn with the version the first click saved.
        var again = await _admin.SaveArticleAsync(Save(first.After!.Draft!, first.After.Item.ItemVersion, publish: false), CancellationToken.None);

        Assert.Equal(EditResult.Saved, again.Change.Final.Result);
        Assert.Equal(2, again.Change.Final.VersionNumber);
        Assert.Equal(2, again.After!.Item.Versions.Count);
    }

    [Fact]
    public async Task SaveArticle_DrawnBeforeAnotherSave_IsAConflict_AndKeepsTheAdminsText()
    {
        var (form, item) = await FormAsync("noodpakket");
        await _admin.SaveArticleAsync(Save(form with { Summary = form.Summary + " Eerst." }, item.ItemVersion, publish: false), CancellationToken.None);

        var late = await _admin.SaveArticleAsync(Save(form with { Summary = form.Summary + " Later." }, item.ItemVersion, publish: true), CancellationToken.None);

        Assert.Equal(EditResult.Conflict, late.Change.Saved.Result);
        Assert.False(late.Change.ChangesAnswers);
        Assert.Null(late.After);
        Assert.EndsWith("Later.", late.Draft.Summary, StringComparison.Ordinal);
        Assert.Equal(2, (await _admin.ArticleAsync("noodpakket", CancellationToken.None))!.Item.LatestNumber);
    }

    [Fact]
    public async Task SaveArticle_NewWithATakenId_AlreadyExists()
    {
        var (form, _) = await FormAsync("noodpakket");

        var saved = await _admin.SaveArticleAsync(new SaveArticle("noodpakket", IsNew: true, form, null, string.Empty, Publish: false, Bea), CancellationToken.None);

        Assert.Equal(EditResult.AlreadyExists, saved.Change.Saved.Result);
        Assert.Null(saved.Before);
    }

    [Fact]
    public void NewArticle_FromAQuestion_GetsAReadableId()
    {
        var draft = KnowledgeAdmin.NewArticle("Hoeveel parkeerplaatsen heeft het zwembad?", new DateOnly(2026, 12, 3));

        Assert.Equal("hoeveel-parkeerplaatsen-heeft-het-zwembad", draft.Id);
        Assert.Equal("Hoeveel parkeerplaatsen heeft het zwembad?", draft.Title);
    }

    [Fact]
    public async Task SaveTextPart_ReplacesThatPartOnly_WithASummaryNamingIt()
    {
        var opened = (await _admin.TextPartAsync(KnowledgeKind.Scenario, 1, CancellationToken.None))!;
        var changed = opened.Text.Replace("title: Opening en dreigingsbeeld", "title: Opening en het dreigingsbeeld van nu", StringComparison.Ordinal);

        var saved = (await _admin.SaveTextPartAsync(new SaveTextPart(KnowledgeKind.Scenario, 1, changed, opened.Item.ItemVersion, " ", Publish: true, Bea), CancellationToken.None))!;

        Assert.Equal(EditResult.Published, saved.Change!.Final.Result);
        Assert.True(saved.Change.ChangesAnswers);
        Assert.Equal(1, saved.Shown!.Part);
        Assert.Contains("Opening en het dreigingsbeeld van nu", saved.Shown.Text, StringComparison.Ordinal);
        Assert.Equal(opened.Parts.Where((_, i) => i != 1), saved.Shown.Parts.Where((_, i) => i != 1));
        Assert.Equal("Onderdeel opening bewerkt", saved.Shown.Item.Versions[0].Summary);
    }

    [Fact]
    public async Task SaveTextPart_OnAnOlderVersion_SavesNothing_AndShowsWhatTheAdminTyped()
    {
        var opened = (await _admin.TextPartAsync(KnowledgeKind.Scenario, 1, CancellationToken.None))!;

        var saved = (await _admin.SaveTextPartAsync(new SaveTextPart(KnowledgeKind.Scenario, 1, "  - id: opening\n", opened.Item.ItemVersion - 1, string.Empty, Publish: true, Bea), CancellationToken.None))!;

        Assert.Null(saved.Change);
        Assert.Equal("  - id: opening\n", saved.Shown!.Text);
        Assert.Equal(1, saved.Shown.Item.LatestNumber);
    }

    [Fact]
    public async Task TextPart_IsOnlyForTheYamlFiles_AndClampsThePart()
    {
        Assert.Null(await _admin.TextPartAsync(KnowledgeKind.Article, 0, CancellationToken.None));
        Assert.Null(await _admin.SaveTextPartAsync(new SaveTextPart(KnowledgeKind.Article, 0, "x", 1, string.Empty, Publish: false, Bea), CancellationToken.None));

        var last = (await _admin.TextPartAsync(KnowledgeKind.ResourceCatalog, int.MaxValue, CancellationToken.None))!;

        Assert.Equal(last.Parts.Count - 1, last.Part);
    }

    [Fact]
    public async Task Unpublish_TakesTheArticleOutOfTheAnswers()
    {
        var (_, item) = await FormAsync("noodpakket");

        var done = await _admin.UnpublishAsync(new UnpublishArticle("noodpakket", item.ItemVersion, Bea), CancellationToken.None);

        Assert.Equal(EditResult.Unpublished, done.Change.Final.Result);
        Assert.True(done.Change.ChangesAnswers);
        Assert.Null(done.After!.Item.PublishedNumber);
    }

    [Fact]
    public async Task RollBack_ToAnOlderVersion_PublishesItAgainAsANewVersion()
    {
        var (form, item) = await FormAsync("noodpakket");
        var published = await _admin.SaveArticleAsync(Save(form with { Title = "Wat stopt u in een noodpakket voor 72 uur?" }, item.ItemVersion, publish: true), CancellationToken.None);

        var done = await _admin.RollBackAsync(new RollBack(KnowledgeKind.Article, "noodpakket", 1, published.After!.Item.ItemVersion, Bea), CancellationToken.None);

        Assert.Equal(EditResult.RolledBack, done.Change.Final.Result);
        Assert.True(done.Change.ChangesAnswers);
        Assert.Equal(3, done.After!.PublishedNumber);
    }

    [Fact]
    public async Task RollBack_WithAStaleItemVersion_ChangesNothing()
    {
        var done = await _admin.RollBackAsync(new RollBack(KnowledgeKind.Article, "noodpakket", null, -1, Bea), CancellationToken.None);

        Assert.Equal(EditResult.Conflict, done.Change.Final.Result);
        Assert.False(done.Change.ChangesAnswers);
        Assert.Equal(1, done.After!.PublishedNumber);
    }

    [Fact]
    public async Task MarkOutOfScope_FindsTheGroupByAnyOfItsWordings()
    {
        foreach (var question in new[] { "Hoeveel parkeerplaatsen heeft het zwembad?", "hoeveel parkeerplaatsen heeft het zwembad", "Wanneer wordt het grofvuil opgehaald?" })
        {
            await _questions.RecordAsync(question, "tenant-a", partial: false, CancellationToken.None);
        }

        var marked = await _admin.MarkOutOfScopeAsync("tenant-a", "hoeveel parkeerplaatsen heeft het zwembad", CancellationToken.None);

        Assert.Equal(2, marked.Count);
        Assert.Equal("Wanneer wordt het grofvuil opgehaald?", Assert.Single(marked.Remaining).Example);
        Assert.Single(await _admin.QuestionsAsync("tenant-a", CancellationToken.None));
    }

    [Fact]
    public async Task Overview_ListsStaleArticles_AndFindsDraftsThatAreNotPublished()
    {
        var draft = KnowledgeAdmin.NewArticle("Hoeveel parkeerplaatsen heeft het zwembad?", new DateOnly(2026, 12, 3));
        await _admin.SaveArticleAsync(new SaveArticle(draft.Id, IsNew: true, draft, null, string.Empty, Publish: false, Bea), CancellationToken.None);

        var overview = await _admin.OverviewAsync("  parkeerplaatsen ", DateOnly.MaxValue, CancellationToken.None);

        Assert.Equal(_search.Knowledge.Set.Articles.Count, overview.PublishedCount);
        Assert.Equal(overview.PublishedCount, overview.Stale.Count);
        Assert.Equal("parkeerplaatsen", overview.Query);
        var found = Assert.Single(overview.Found);
        Assert.Equal((draft.Id, null), (found.Key, found.Published));
        Assert.Contains(overview.Drafts, d => d.Key == draft.Id && d.Author == Bea.Name);
    }

    private async Task<(ArticleDraft Draft, KnowledgeItemDetails Item)> FormAsync(string key)
    {
        var edit = (await _admin.ArticleAsync(key, CancellationToken.None))!;
        return (edit.Draft!, edit.Item);
    }

    private static SaveArticle Save(ArticleDraft form, int itemVersion, bool publish) =>
        new(form.Id, IsNew: false, form, itemVersion, string.Empty, publish, Bea);
}
