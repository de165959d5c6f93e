using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Tests.Cards;

/// <summary>
/// The cases on which our <see cref="CardTemplateRenderer"/> must expand exactly like the official engine: every
/// template with its sample, cards filled with adversarial user text through the bot's data path, and one case per
/// feature of the templating subset.
/// </summary>
public static class ParityCases
{
    private const string ProbePrefix = "probe: ";

    // A card that binds user text in every position our cards use: alone, inside text, in a repeated FactSet, in an
    // input and in an action's title and data.
    private const string ProbeTemplate = """
        {
          "type": "AdaptiveCard",
          "version": "1.5",
          "fallbackText": "Vraag: ${question}",
          "body": [
            { "type": "TextBlock", "text": "${label}", "wrap": true },
            { "type": "TextBlock", "text": "Vraag: ${label} (${$root.count} keer)", "wrap": true },
            { "type": "FactSet", "facts": [ { "$data": "${items}", "title": "Nr. ${$index}", "value": "${label}" } ] },
            { "type": "Input.Text", "id": "answer", "label": "${label}", "value": "${question}" }
          ],
          "actions": [
            { "type": "Action.Execute", "title": "${question}", "verb": "ask", "data": { "question": "${question}", "asked": "${question} ${$root.count}" } }
          ]
        }
        """;

    private static readonly Lazy<IReadOnlyList<CardCase>> Cases = new(() => [.. Templates(), .. Welcome(), .. Probes(), .. Features()]);

    public static IReadOnlyList<CardCase> All => Cases.Value;

    public static TheoryData<string> NameData => new(All.Select(@case => @case.Name));

    /// <summary>The probe cases: real cards, so the official parser must accept them without a warning too.</summary>
    public static TheoryData<string> ProbeNameData => new(All.Select(@case => @case.Name).Where(name => name.StartsWith(ProbePrefix, StringComparison.Ordinal)));

    public static CardCase Get(string name) => All.Single(@case => @case.Name == name);

    /// <summary>The probe card's data for one user text, escaped for display the way the bot does it.</summary>
    public static JsonObject ProbeData(string text) => new()
    {
        ["question"] = text,
        ["label"] = CardText.Literal(text),
        ["count"] = 2,
        ["items"] = new JsonArray(new JsonObject { ["label"] = CardText.Literal(text) }, new JsonObject { ["label"] = CardText.Literal(text) }),
    };

    private static IEnumerable<CardCase> Templates() =>
        CardTemplateFiles.Names.Select(name => new CardCase("template: " + name, CardTemplateFiles.Template(name), CardTemplateFiles.Sample(name)));

    private static IEnumerable<CardCase> Welcome()
    {
        var texts = AdversarialText.All.Select(entry => entry.Text).ToList();
        var template = CardTemplateFiles.Template("welcome");
        yield return new CardCase("welcome: adversarial questions, 1:1", template, BotCards.WelcomeData(isGroup: false, texts));
        yield return new CardCase("welcome: adversarial questions, group", template, BotCards.WelcomeData(isGroup: true, texts));
    }

    private static IEnumerable<CardCase> Probes()
    {
        var template = JsonNode.Parse(ProbeTemplate)!;
        return AdversarialText.All.Select(entry => new CardCase(ProbePrefix + entry.Name, template, ProbeData(entry.Text)));
    }

    private static IEnumerable<CardCase> Features() =>
        FeatureCases.All.Select(feature => new CardCase("feature: " + feature.Name, JsonNode.Parse(feature.Template)!, JsonNode.Parse(feature.Data)));
}
