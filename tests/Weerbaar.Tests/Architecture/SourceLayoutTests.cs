using System.Text.RegularExpressions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Architecture;

/// <summary>
/// The source tree stays easy to find one's way in: folders of the Teams side depend one way (a feature uses the
/// turn pipeline, not the other way round), and no file grows past what one reads in one go. Read from the source
/// text (namespaces and <c>using</c> lines), so the check runs in the fast lane without loading anything.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private const int MaxBotFileLines = 300;
    private const int MaxSourceFileLines = 600;

    [Fact]
    public void BotFolders_DependOneWay_WithoutCycles()
    {
        // A feature folder uses the turn folder and the card engine, never the other way round; a cycle through three
        // folders counts as much as one between two.
        var dependencies = BotFolderDependencies();
        var cycles = dependencies.Keys.Select(folder => CycleFrom(folder, folder, dependencies, [folder])).OfType<string>().ToList();

        Assert.Empty(cycles);
    }

    [Fact]
    public void CycleSearch_FindsACycle_SoTheCheckCanFail()
    {
        var dependencies = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["Sessions"] = ["Conversation"],
            ["Conversation"] = ["Hosting"],
            ["Hosting"] = ["Sessions"],
        };

        Assert.Equal("Sessions -> Conversation -> Hosting -> Sessions", CycleFrom("Sessions", "Sessions", dependencies, ["Sessions"]));
    }

    [Fact]
    public void DependencyReading_SeesAKnownDependency_SoTheCycleCheckCanFail()
    {
        // The session feature uses the card template engine; if this is not seen, the reading is broken.
        Assert.Contains("Cards", BotFolderDependencies()["Sessions"]);
    }

    [Fact]
    public void SourceFiles_StayShort()
    {
        var tooLong = SourceFiles(RepoPaths.Of("src"))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(RepoPaths.Root, file), Lines: File.ReadLines(file).Count()))
            .Where(f => f.Lines > (f.File.StartsWith("src/Weerbaar.Bot/", StringComparison.Ordinal) ? MaxBotFileLines : MaxSourceFileLines))
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.Empty(tooLong);
    }

    // The first path from `at` back to `start`, written out; null when there is none.
    private static string? CycleFrom(string start, string at, Dictionary<string, HashSet<string>> dependencies, List<string> path)
    {
        foreach (var next in dependencies.GetValueOrDefault(at) ?? [])
        {
            if (next == start)
            {
                return string.Join(" -> ", [.. path, next]);
            }

            if (!path.Contains(next) && CycleFrom(start, next, dependencies, [.. path, next]) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static Dictionary<string, HashSet<string>> BotFolderDependencies()
    {
        var root = RepoPaths.Of("src", "Weerbaar.Bot");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties")).ToHashSet(StringComparer.Ordinal);
        var dependencies = folders.ToDictionary(folder => folder, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var file in SourceFiles(Path.Combine(root, folder)))
            {
                foreach (Match match in BotNamespaceUse().Matches(File.ReadAllText(file)))
                {
                    var used = match.Groups["folder"].Value;
                    if (used != folder && folders.Contains(used))
                    {
                        dependencies[folder].Add(used);
                    }
                }
            }
        }

        return dependencies;
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // "using Weerbaar.Bot.Cards;" and qualified names such as "Weerbaar.Bot.Cards.DutchDates".
    [GeneratedRegex(@"\bWeerbaar\.Bot\.(?<folder>[A-Z]\w*)\b")]
    private static partial Regex BotNamespaceUse();
}
