using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Cards;

/// <summary>
/// One run of the official tools over every template with its sample, and over cards that are broken on purpose so
/// the tests can prove the check finds problems at all.
/// </summary>
public sealed class OfficialParserFixture : IAsyncLifetime
{
    /// <summary>Cards with one known defect each, and the parser event each must produce.</summary>
    public static IReadOnlyList<(string Name, string Card, string Expected)> BrokenCards { get; } =
    [
        ("unknown element type", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Paragraph", "text": "x" } ] }""", "UnknownElementType"),
        ("unknown action type", """{ "type": "AdaptiveCard", "version": "1.5", "body": [], "actions": [ { "type": "Action.Bogus", "title": "x" } ] }""", "UnknownActionType"),
        ("invalid enum value", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "x", "size": "Huge" } ] }""", "InvalidPropertyValue"),
        ("invalid value deep inside", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "ColumnSet", "columns": [ { "type": "Column", "items": [ { "type": "Container", "items": [ { "type": "TextBlock", "text": "x", "color": "Pink" } ] } ] } ] } ] }""", "InvalidPropertyValue"),
        ("unknown property", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "x", "wrapp": true } ] }""", "UnknownProperty"),
        ("misspelt $when kept in the card", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Container", "items": [], "when": "${x}" } ] }""", "UnknownProperty"),
        ("duplicate id", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "id": "a", "label": "A" }, { "type": "Input.Text", "id": "a", "label": "B" } ] }""", "DuplicateId"),
        ("required input without label", """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "id": "a", "isRequired": true, "errorMessage": "Verplicht" } ] }""", "RequiredInputsShouldHaveLabel"),
        ("broken card inside a ShowCard", """{ "type": "AdaptiveCard", "version": "1.5", "body": [], "actions": [ { "type": "Action.ShowCard", "title": "x", "card": { "type": "AdaptiveCard", "body": [ { "type": "Widget" } ] } } ] }""", "UnknownElementType"),
    ];

    public IReadOnlyDictionary<string, OfficialResult> Results { get; private set; } = new Dictionary<string, OfficialResult>();

    public async ValueTask InitializeAsync()
    {
        var templates = CardTemplateFiles.Names.Select(name => new CardCase(name, CardTemplateFiles.Template(name), CardTemplateFiles.Sample(name)));
        var broken = BrokenCards.Select(card => new CardCase("broken: " + card.Name, JsonNode.Parse(card.Card)!, new JsonObject()));
        Results = await OfficialCards.CheckAsync(templates.Concat(broken));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
