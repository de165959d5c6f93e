using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Cards;

/// <summary>Compares JSON by value (property order ignored) and shows both sides when they differ.</summary>
public static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual) => Equal(JsonNode.Parse(expectedJson), actual);

    public static void Equal(JsonNode? expected, JsonNode? actual, string? context = null)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"{context}{(context is null ? string.Empty : ": ")}JSON differs.\nexpected: {Show(expected)}\nactual:   {Show(actual)}");
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
