using System.IO.Compression;
using System.Text.RegularExpressions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary><c>kb import</c> and <c>kb export</c>, run as the built program against a fresh (seeded) database.</summary>
[Slow(SlowKind.Process)]
public sealed class KnowledgeTransferCommandTests
{
    private const string NewTitle = "Wat hoort er in een noodpakket voor thuis?";

    private readonly string _folder = TestDirectories.Create("cli-transfer");

    private Dictionary<string, string> Database => new()
    {
        ["ConnectionStrings__Weerbaar"] = $"Data Source={Path.Combine(_folder, "weerbaar.db")}",
    };

    private static string Noodpakket => File.ReadAllText(Path.Combine(RepositoryKnowledge.Folder, "articles", "noodpakket.md"));

    [Fact]
    public async Task KbImport_ChangedArticle_PublishesIt_AndSaysSo()
    {
        var article = Path.Combine(_folder, "noodpakket.md");
        await File.WriteAllTextAsync(article, Regex.Replace(Noodpakket, "(?m)^title: .*$", "title: " + NewTitle), TestContext.Current.CancellationToken);

        var first = await BotCommand.RunAsync(["kb", "import", article], Database, _folder);
        var again = await BotCommand.RunAsync(["kb", "import", article], Database, _folder);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("updated  articles/noodpakket.md", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 created, 1 updated, 0 unchanged.", first.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 created, 0 updated, 1 unchanged.", again.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbImport_ZipWithOneBrokenArticle_ListsItsProblemsWithFileAndLine_AndChangesNothing()
    {
        var zip = Path.Combine(_folder, "kennis.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "articles/noodpakket.md", Regex.Replace(Noodpakket, "(?m)^title: .*$", "title: " + NewTitle));
            await WriteEntryAsync(archive, "kapot.md", "---\nid: kapot\ntitle: x\nstatus: published\n---\nTe kort.\n");
        }

        var result = await BotCommand.RunAsync(["kb", "import", zip], Database, _folder);
        var export = Path.Combine(_folder, "export");
        await BotCommand.RunAsync(["kb", "export", export], Database, _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles/kapot.md:3: 'title' must be 5–100 characters", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("updated", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(Noodpakket, await File.ReadAllTextAsync(Path.Combine(export, "articles", "noodpakket.md"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task KbImport_UnsafeZip_IsRefusedBeforeTheDatabase()
    {
        var zip = Path.Combine(_folder, "kwaad.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await WriteEntryAsync(archive, "../kwaad.md", "---\n");
        }

        var result = await BotCommand.RunAsync(["kb", "import", zip], Database, _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("../kwaad.md:1: the path is not a plain relative path", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "weerbaar.db")));
    }

    [Fact]
    public async Task KbExport_ThenValidateAndImport_PassesAndChangesNothing()
    {
        var export = Path.Combine(_folder, "export");

        var exported = await BotCommand.RunAsync(["kb", "export", export], Database, _folder);
        var validated = await BotCommand.RunAsync(["kb", "validate", export], new Dictionary<string, string>(), _folder);
        var imported = await BotCommand.RunAsync(["kb", "import", export], Database, _folder);

        Assert.Equal(0, exported.ExitCode);
        Assert.Contains($"{RepositoryKnowledge.Files.Count} files written", exported.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(export, "gesprekstool", "scenario.yaml")));
        Assert.Equal(0, validated.ExitCode);
        Assert.Contains(", 0 problems.", validated.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains($"0 created, 0 updated, {RepositoryKnowledge.Files.Count} unchanged.", imported.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbExport_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        var result = await BotCommand.RunAsync(["kb", "export", RepositoryKnowledge.Folder], Database, _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Not an empty folder", result.StandardError, StringComparison.Ordinal);
    }

    private static async Task WriteEntryAsync(ZipArchive archive, string path, string text)
    {
        await using var writer = new StreamWriter(archive.CreateEntry(path).Open());
        await writer.WriteAsync(text);
    }
}
