using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// The card templates from <c>cards/</c>, embedded in the assembly at build time and parsed once. A template the
/// code asks for but the build did not embed fails at startup, not at a user's click.
/// </summary>
public sealed class CardTemplates
{
    private const string ResourcePrefix = "cards/";

    private readonly FrozenDictionary<string, JsonNode> _templates;

    public CardTemplates()
    {
        var assembly = typeof(CardTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(
                name => Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..]),
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Card template {name} is empty.");
                },
                StringComparer.Ordinal);

        var missing = CardName.All.Where(name => !_templates.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Card templates missing from the build: {string.Join(", ", missing)}.");
        }
    }

    /// <summary>Expands the template <paramref name="name"/> with <paramref name="data"/>.</summary>
    public JsonNode Render(string name, JsonNode? data) => CardTemplateRenderer.Expand(_templates[name], data);
}
