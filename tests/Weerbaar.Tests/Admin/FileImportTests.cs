using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// Importing knowledge by sending a file to the bot in the personal chat, over HTTP: the bot fetches the file from its
/// download address (here a local server standing in for SharePoint), checks it all and publishes all or nothing. Only
/// admins, only allowed hosts, only so much.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class FileImportTests : IAsyncLifetime
{
    private const string OldTitle = "Wat hoort er in een noodpakket?";
    private const string NewTitle = "Wat stopt u in een noodpakket voor 72 uur?";
    private const string Question = "Wat moet er in een noodpakket?";

    private readonly TeamsUser _admin = TeamsUser.Create("Bea Beheerder");
    private readonly TeamsUser _other = TeamsUser.Create("Otto Ambtenaar");
    private ConnectorStandIn _connector = null!;
    private FileServer _files = null!;
    private BotApp _bot = null!;
    private TeamsConversation _adminChat = null!;
    private TeamsConversation _userChat = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _files = await FileServer.StartAsync();
        _bot = new BotApp(new Dictionary<string, string?>
        {
            ["Admin:UserAadObjectIds:0"] = _admin.AadObjectId,
            // Next to the SharePoint hosts from appsettings.json: the local server, which speaks plain http.
            ["Admin:FileDownloadHosts:2"] = _files.BaseUrl.Host,
            ["Admin:AllowHttpDownloads"] = "true",
        });
        _adminChat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        _userChat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _files.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AdminSendsAnArticle_ItIsPublished_AndTheNextQuestionGetsTheNewText()
    {
        var article = SeedArticle("noodpakket").Replace($"title: {OldTitle}", $"title: {NewTitle}", StringComparison.Ordinal);
        var address = _files.Serve(Encoding.UTF8.GetBytes(article));

        var reply = await SendFileAsync(_adminChat, _admin, "noodpakket.md", address);

        Assert.Equal($"{AdminTexts.Imported}\n\n- {AdminTexts.ImportUpdated("noodpakket")}", reply);
        Assert.Contains(NewTitle, TextOf(CardOf(await SendAsync(_userChat, _other, Question))), StringComparison.Ordinal);
        var item = await _bot.Services.GetRequiredService<KnowledgeEditor>().GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
        Assert.Equal(2, item!.PublishedNumber);
        Assert.Equal("Bea Beheerder", item.Versions[0].Author);
        Assert.Contains(_bot.Logs.Entries, e => e.Contains("File imported from a .md file", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Contains(FileServer.Token, StringComparison.Ordinal) || e.Contains(NewTitle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZipWithOneBrokenArticle_ImportsNothing_AndListsTheProblemsInDutch()
    {
        var before = await PublishedAsync();
        var zip = Zip(
            ("articles/noodpakket.md", SeedArticle("noodpakket").Replace($"title: {OldTitle}", $"title: {NewTitle}", StringComparison.Ordinal)),
            ("articles/kapot.md", "---\nid: kapot\ntitle: Kapot\n---\nTe kort.\n"));

        var reply = await SendFileAsync(_adminChat, _admin, "kennis.zip", _files.Serve(zip));

        Assert.StartsWith(AdminTexts.ImportRefused + "\n\n- articles/kapot.md: ", reply, StringComparison.Ordinal);
        Assert.Contains("articles/kapot.md: Samenvatting ontbreekt.", reply, StringComparison.Ordinal);
        Assert.Contains("De tekst moet 120 tot 500 woorden hebben (nu 2).", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("noodpakket", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(" must ", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("technische melding", reply, StringComparison.Ordinal);
        Assert.Equal(before, await PublishedAsync());
        Assert.Contains(OldTitle, TextOf(CardOf(await SendAsync(_userChat, _other, Question))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThousandsOfNestedBracketsOrAnOverlongValue_AreRefusedWithADutchReason_AndNothingIsImported()
    {
        var before = await PublishedAsync();
        var resources = File.ReadAllText(RepoPaths.Of("knowledge", KnowledgeFile.ResourceCatalogPath))
            .Replace("  kind: video\n", $"  kind: video\n  notes: {new string('a', KnowledgeLimits.MaxValueLength + 1)}\n", StringComparison.Ordinal);
        var zip = Zip(
            ("articles/diep.md", $"---\nid: diep\ntitle: Een diep artikel\ntags: {new string('[', 20_000)}{new string(']', 20_000)}\n---\n\nTekst.\n"),
            (KnowledgeFile.ResourceCatalogPath, resources));

        var reply = await SendFileAsync(_adminChat, _admin, "kennis.zip", _files.Serve(zip));

        Assert.StartsWith(AdminTexts.ImportRefused + "\n\n", reply, StringComparison.Ordinal);
        Assert.Contains($"articles/diep.md: Er zitten te veel lijsten of haakjes in elkaar (meer dan {KnowledgeLimits.MaxNestingDepth} lagen). Maak het eenvoudiger.", reply, StringComparison.Ordinal);
        Assert.Contains($"resources.yaml: Het veld 'notes' is te lang: hoogstens {KnowledgeLimits.MaxValueLength} tekens.", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("technische melding", reply, StringComparison.Ordinal);
        Assert.Equal(before, await PublishedAsync());
    }

    [Fact]
    public async Task ManyProblems_AreListedUpToTwenty_AndCountedAfterThat()
    {
        var zip = Zip([.. Enumerable.Range(1, 30).Select(i => ($"map{i}/artikel.md", "tekst"))]);

        var reply = await SendFileAsync(_adminChat, _admin, "kennis.zip", _files.Serve(zip));

        var lines = reply.Split('\n');
        Assert.Equal(AdminTexts.ImportRefused, lines[0]);
        Assert.Equal(2 + 20 + 1, lines.Length);
        Assert.Equal($"- {AdminTexts.AndMore(10)}", lines[^1]);
        Assert.All(lines[2..^1], line => Assert.Contains("Dit is geen bestand voor de kennisbank. Gebruik articles/NAME.md", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADownloadAddressOnAHostNotAllowed_IsRefused_WithoutAnyRequestToIt()
    {
        var elsewhere = FileServer.OnHost(_files.Serve(Encoding.UTF8.GetBytes(SeedArticle("noodpakket"))), "localhost");

        var reply = await SendFileAsync(_adminChat, _admin, "noodpakket.md", elsewhere);

        Assert.Equal(AdminTexts.FileNotAllowed, reply);
        Assert.Empty(_files.Requests);
        Assert.Contains(_bot.Logs.Entries, e => e.Contains("host localhost, which Admin:FileDownloadHosts does not allow", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Contains(FileServer.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARedirectToAHostNotAllowed_IsNotFollowed()
    {
        var elsewhere = FileServer.OnHost(_files.Serve(Encoding.UTF8.GetBytes(SeedArticle("noodpakket"))), "localhost");
        var redirect = _files.Redirect(elsewhere);

        var reply = await SendFileAsync(_adminChat, _admin, "noodpakket.md", redirect);

        Assert.Equal(AdminTexts.FileNotAllowed, reply);
        var request = Assert.Single(_files.Requests);
        Assert.StartsWith(_files.BaseUrl.Authority, request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithoutRights_GetsNoAccess_AndNothingIsDownloaded()
    {
        var before = await PublishedAsync();
        var address = _files.Serve(Encoding.UTF8.GetBytes(SeedArticle("noodpakket").Replace(OldTitle, NewTitle, StringComparison.Ordinal)));

        var reply = await SendFileAsync(_userChat, _other, "noodpakket.md", address);

        Assert.Equal(AdminTexts.NoAccess, reply);
        Assert.Empty(_files.Requests);
        Assert.Equal(before, await PublishedAsync());
    }

    [Fact]
    public async Task AFileLargerThanAllowed_IsRefused_EvenWhenItsLengthIsNotAnnounced()
    {
        var address = _files.ServeUnannounced(FileDownloader.MaxBytes + (1024 * 1024));

        var reply = await SendFileAsync(_adminChat, _admin, "kennis.zip", address);

        Assert.Equal(AdminTexts.FileTooLarge(10), reply);
        Assert.Single(_files.Requests);
    }

    [Fact]
    public async Task AFileInAGroupChat_IsLeftAlone()
    {
        var group = new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl);
        var address = _files.Serve(Encoding.UTF8.GetBytes(SeedArticle("noodpakket")));

        var response = await _bot.PostActivityAsync(group.FileMessage(_admin, "noodpakket.md", address));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_files.Requests);
        Assert.DoesNotContain(_connector.SentActivities, a => a["text"]?.GetValue<string>() is string text && text.Contains("geïmporteerd", StringComparison.OrdinalIgnoreCase));
    }

    private static string SeedArticle(string id) => File.ReadAllText(RepoPaths.Of("knowledge", "articles", $"{id}.md"));

    private static byte[] Zip(params (string Path, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }

    private async Task<IReadOnlyList<(string Path, string Text)>> PublishedAsync() =>
        [.. (await _bot.Services.GetRequiredService<KnowledgeEditor>().PublishedFilesAsync(CancellationToken.None)).Select(f => (f.Path, f.Text)).OrderBy(f => f.Path, StringComparer.Ordinal)];

    private async Task<string> SendFileAsync(TeamsConversation chat, TeamsUser user, string fileName, Uri address)
    {
        var reply = await PostAsync(chat.FileMessage(user, fileName, address));
        return reply["text"]!.GetValue<string>();
    }

    private Task<JsonObject> SendAsync(TeamsConversation chat, TeamsUser user, string text) => PostAsync(chat.Message(user, text));

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        var before = _connector.SentActivities.Count;
        var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _connector.SentActivities.Skip(before).Last();
    }
}
