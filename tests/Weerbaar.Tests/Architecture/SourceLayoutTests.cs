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

    // Two-way dependencies that exist today and are being taken apart (issue 15): the list only shrinks. A pair that
    // is no longer two-way must be removed from it, so the list cannot hide progress either.
    private static readonly HashSet<string> KnownCycles = [];

    [Fact]
    public void BotFolders_DependOneWay_ExceptTheKnownCyclesBeingRemoved()
    {
        var dependencies = BotFolderDependencies();
        var cycles = dependencies.SelectMany(pair => pair.Value.Where(to => string.CompareOrdinal(pair.Key, to) < 0
                && dependencies.TryGetValue(to, out var back) && back.Contains(pair.Key))
            .Select(to => $"{pair.Key} <-> {to}"))
            .ToHashSet();

        Assert.Empty(cycles.Except(KnownCycles));
        Assert.Empty(KnownCycles.Except(cycles));
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
