using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Cards;

/// <summary>The card templates in <c>cards/</c> with their sample data (<c>cards/&lt;name&gt;.sample.json</c>).</summary>
public static class CardTemplateFiles
{
    private const string SampleSuffix = ".sample";

    private static readonly Lazy<IReadOnlyList<string>> AllNames = new(() =>
        Directory.GetFiles(RepoPaths.Of("cards"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => !name.EndsWith(SampleSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>The template names (file names without <c>.json</c>), so a new template is checked without listing it.</summary>
    public static IReadOnlyList<string> Names => AllNames.Value;

    public static TheoryData<string> NameData => new(Names);

    public static JsonNode Template(string name) => Read(name + ".json");

    /// <summary>The sample data; a template without one fails the tests that need it.</summary>
    public static JsonNode Sample(string name) => Read(name + SampleSuffix + ".json");

    private static JsonNode Read(string fileName)
    {
        var path = RepoPaths.Of("cards", fileName);
        return File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{fileName} is empty.")
            : throw new FileNotFoundException($"cards/{fileName} is missing: every template needs sample data beside it.", path);
    }
}
