using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Cards;

/// <summary>A template and its data, sent to the official Adaptive Cards tools.</summary>
public sealed record CardCase(string Name, JsonNode Template, JsonNode? Data);

/// <summary>What the official templating engine made of a case and what the official parser said about it.</summary>
public sealed record OfficialResult(JsonNode? Expanded, IReadOnlyList<string> Warnings, IReadOnlyList<string> TemplateWarnings, string? Error);

/// <summary>
/// Runs <c>tests/node/cards.mjs</c>: the official engine (npm <c>adaptivecards-templating</c>) expands each case and the
/// official parser (npm <c>adaptivecards</c>) parses the expansion as a schema 1.5 card. All cases go to one node
/// process, because starting node costs more than checking a card.
/// </summary>
public static class OfficialCards
{
    public static async Task<IReadOnlyDictionary<string, OfficialResult>> CheckAsync(IEnumerable<CardCase> cases)
    {
        var list = cases.ToList();
        var input = new JsonObject
        {
            ["cases"] = new JsonArray(list
                .Select(@case => (JsonNode)new JsonObject
                {
                    ["name"] = @case.Name,
                    ["template"] = @case.Template.DeepClone(),
                    ["data"] = @case.Data?.DeepClone(),
                })
                .ToArray()),
        };

        var output = await NodeScript.RunAsync("cards.mjs", input);
        var results = output["results"]!.AsArray()
            .Select(result => result!.AsObject())
            .ToDictionary(result => (string)result["name"]!, ToResult, StringComparer.Ordinal);
        var missing = list.Where(@case => !results.ContainsKey(@case.Name)).Select(@case => @case.Name).ToList();
        return missing.Count == 0
            ? results
            : throw new InvalidOperationException($"cards.mjs returned no result for: {string.Join(", ", missing)}");
    }

    private static OfficialResult ToResult(JsonObject result) => new(
        result["expanded"]?.DeepClone(),
        Strings(result["warnings"]),
        Strings(result["templateWarnings"]),
        (string?)result["error"]);

    private static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(item => (string)item!).ToList() ?? [];
}
