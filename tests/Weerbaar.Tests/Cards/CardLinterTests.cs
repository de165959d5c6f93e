using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Tests.Cards;

public sealed class CardLinterTests
{
    public static TheoryData<string> TemplateNames => CardTemplateFiles.NameData;

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_with_its_sample_passes_the_linter(string name)
    {
        var card = CardTemplateRenderer.Expand(CardTemplateFiles.Template(name), CardTemplateFiles.Sample(name));

        var problems = CardLinter.Problems(card);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("\n", problems)}");
    }

    [Fact]
    public void A_valid_card_has_no_problems() =>
        Assert.Empty(CardLinter.Problems(Card("""{ "type": "TextBlock", "text": "x" }""")));

    [Theory]
    [InlineData("""{ "type": "Input.Text", "id": "a" }""", "Input.Text has no label")]
    [InlineData("""{ "type": "Input.ChoiceSet", "id": "a", "label": "  ", "choices": [] }""", "Input.ChoiceSet has no label")]
    [InlineData("""{ "type": "ColumnSet", "columns": [ { "type": "Column", "items": [ { "type": "Input.Toggle", "id": "t", "title": "x" } ] } ] }""", "Input.Toggle has no label")]
    [InlineData("""{ "type": "Image", "url": "https://example.org/a.png" }""", "Image has no altText")]
    [InlineData("""{ "type": "ImageSet", "images": [ { "type": "Image", "url": "https://example.org/a.png", "altText": "" } ] }""", "Image has no altText")]
    [InlineData("""{ "type": "Container", "items": [ { "type": "Table", "columns": [], "rows": [] } ] }""", "Table is not allowed")]
    [InlineData("""{ "type": "RichTextBlock", "inlines": [ { "type": "Icon", "name": "Calendar" } ] }""", "Icon is not allowed")]
    [InlineData("""{ "type": "Container", "items": [], "selectAction": { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "body": [ { "type": "Badge", "text": "x" } ] } } }""", "Badge is not allowed")]
    [InlineData("""{ "type": "ActionSet", "actions": [ { "type": "Action.ShowCard", "title": "x", "card": { "type": "AdaptiveCard", "version": "1.6", "body": [] } } ] }""", "version 1.6 is above 1.5")]
    [InlineData("""{ "type": "TextBlock", "text": "x", "fallback": { "type": "Image", "url": "https://example.org/a.png" } }""", "Image has no altText")]
    public void Linter_finds_a_problem_anywhere_in_the_card(string element, string expected)
    {
        var problems = CardLinter.Problems(Card(element));

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Linter_finds_a_problem_in_the_card_actions()
    {
        var card = Card("""{ "type": "TextBlock", "text": "x" }""");
        card["actions"] = JsonNode.Parse("""[ { "type": "Action.ShowCard", "title": "x", "card": { "type": "AdaptiveCard", "body": [ { "type": "Input.Date", "id": "d" } ] } } ]""");

        Assert.Contains(CardLinter.Problems(card), problem => problem.Contains("Input.Date has no label", StringComparison.Ordinal));
    }

    [Fact]
    public void Action_data_is_payload_not_card_content()
    {
        var card = Card("""{ "type": "ActionSet", "actions": [ { "type": "Action.Execute", "title": "x", "verb": "v", "data": { "type": "Input.Text" } } ] }""");

        Assert.Empty(CardLinter.Problems(card));
    }

    [Fact]
    public void Linter_requires_version_at_most_1_5()
    {
        var card = Card("""{ "type": "TextBlock", "text": "x" }""");
        card["version"] = "1.6";

        Assert.Contains(CardLinter.Problems(card), problem => problem.Contains("version 1.6 is above 1.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Linter_requires_a_version_and_fallback_text()
    {
        var card = Card("""{ "type": "TextBlock", "text": "x" }""");
        card.Remove("version");
        card["fallbackText"] = " ";

        var problems = CardLinter.Problems(card);

        Assert.Contains("The card has no version.", problems);
        Assert.Contains("The card has no fallbackText.", problems);
    }

    [Fact]
    public void Linter_keeps_the_card_under_21_KB()
    {
        var fits = Card($$"""{ "type": "TextBlock", "text": "{{new string('a', CardLinter.MaxBytes - 200)}}" }""");
        var tooBig = Card($$"""{ "type": "TextBlock", "text": "{{new string('a', CardLinter.MaxBytes)}}" }""");

        Assert.Empty(CardLinter.Problems(fits));
        Assert.Contains(CardLinter.Problems(tooBig), problem => problem.Contains("budget", StringComparison.Ordinal));
    }

    private static JsonObject Card(string element) => new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["fallbackText"] = "Tekst",
        ["body"] = new JsonArray(JsonNode.Parse(element)),
    };
}
