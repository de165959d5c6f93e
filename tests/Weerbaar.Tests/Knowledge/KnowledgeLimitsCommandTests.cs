using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// <c>kb validate</c> and <c>kb import</c> on files made to break a parser: thousands of nested brackets and a 10 MB
/// field. Run as the built program, because a stack overflow would end the test host instead of failing a test.
/// </summary>
[Slow(SlowKind.Process)]
public sealed class KnowledgeLimitsCommandTests
{
    private readonly string _folder = TestDirectories.Create("cli-limits");

    private Dictionary<string, string> Database => new()
    {
        ["ConnectionStrings__Weerbaar"] = $"Data Source={Path.Combine(_folder, "weerbaar.db")}",
    };

    [Fact]
    public async Task ThousandsOfNestedBrackets_AreRefusedWithAProblemLine_ByValidateAndImport_WithoutACrash()
    {
        var knowledge = Folder("diep", ("articles/diep.md", $"---\nid: diep\ntitle: Een diep artikel\ntags: {new string('[', 20_000)}{new string(']', 20_000)}\n---\n\nTekst.\n"));

        var validated = await BotCommand.RunAsync(["kb", "validate", knowledge], new Dictionary<string, string>(), _folder);
        var imported = await BotCommand.RunAsync(["kb", "import", knowledge], Database, _folder);

        var problem = $"articles/diep.md:4: the YAML is nested deeper than {KnowledgeLimits.MaxNestingDepth} levels of lists and maps";
        AssertRefused(validated, problem, "Er zitten te veel lijsten of haakjes in elkaar");
        AssertRefused(imported, problem, "Er zitten te veel lijsten of haakjes in elkaar");
        Assert.Contains("nothing was imported", imported.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATenMegabyteField_IsRefusedWithAProblemLine_ByValidateAndImport_BeforeTheDatabase()
    {
        var resource = "- id: proef\n  title: Een proefhulpmiddel\n  kind: website\n  url: https://example.org/proef\n  audience: [iedereen]\n  description: Een hulpmiddel dat alleen in deze test bestaat.\n";
        var knowledge = Folder("groot", (KnowledgeFile.ResourceCatalogPath, resource + $"  notes: {new string('a', 10 * 1024 * 1024)}\n"));

        var validated = await BotCommand.RunAsync(["kb", "validate", knowledge], new Dictionary<string, string>(), _folder);
        var imported = await BotCommand.RunAsync(["kb", "import", knowledge], Database, _folder);

        var problem = $"resources.yaml:1: the content is larger than {KnowledgeLimits.MaxFileLength / 1024} KB";
        AssertRefused(validated, problem, $"De tekst is groter dan {KnowledgeLimits.MaxFileLength / 1024} KB.");
        AssertRefused(imported, problem, $"De tekst is groter dan {KnowledgeLimits.MaxFileLength / 1024} KB.");
        Assert.False(File.Exists(Path.Combine(_folder, "weerbaar.db")));
    }

    // The technical line for whoever fixes the file, and under it the Dutch sentence an admin reads in Teams.
    private static void AssertRefused(CommandResult result, string problem, string dutch)
    {
        var all = result.StandardOutput + result.StandardError;
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(problem, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    " + dutch, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }

    private string Folder(string name, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(_folder, name);
        foreach (var (path, text) in files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
        }

        return folder;
    }
}
