using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Tests.Cards;

/// <summary>User text bound into a card stays one string value: it never adds elements or breaks the JSON.</summary>
public sealed class CardInjectionTests
{
    private const string Injection = "\"}], \"body\": [{\"type\":\"Image\"";

    public static TheoryData<string> TextNames => AdversarialText.NameData;

    [Fact]
    public void Label_that_looks_like_json_stays_a_literal_string_in_its_one_text_block()
    {
        var card = Welcome(Injection);

        var example = Assert.Single(Examples(card));
        var block = Assert.Single(example["items"]!.AsArray());
        Assert.Equal("TextBlock", (string?)block!["type"]);
        Assert.Equal(CardText.Literal(Injection), (string?)block["text"]);
        Assert.Equal(Injection, (string?)example["selectAction"]!["data"]!["question"]);
        Assert.DoesNotContain("Image", Types(card));
    }

    [Theory]
    [MemberData(nameof(TextNames))]
    public void User_text_changes_no_element_and_survives_a_json_round_trip(string name)
    {
        var text = AdversarialText.Text(name);
        var plain = Welcome("Gewone vraag");

        var card = Welcome(text);
        var reparsed = JsonNode.Parse(card.ToJsonString());

        Assert.Equal(Types(plain), Types(card));
        Assert.True(JsonNode.DeepEquals(card, reparsed));
        var example = Assert.Single(Examples(reparsed!));
        Assert.Equal(CardText.Literal(text), (string?)example["items"]![0]!["text"]);
        Assert.Equal(text, (string?)example["selectAction"]!["title"]);
        Assert.Equal(text, (string?)example["selectAction"]!["data"]!["question"]);
    }

    private static JsonNode Welcome(string question) =>
        CardTemplateRenderer.Expand(CardTemplateFiles.Template("welcome"), BotCards.WelcomeData(isGroup: false, [question]));

    // The example buttons are the containers with a selectAction.
    private static List<JsonObject> Examples(JsonNode card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(element => element["selectAction"] is not null).ToList();

    // Every "type" in the card, in document order: the card's shape without its texts.
    private static List<string> Types(JsonNode? node) => node switch
    {
        JsonObject obj => [.. obj["type"] is JsonValue type ? [type.ToString()] : Array.Empty<string>(), .. obj.SelectMany(property => Types(property.Value))],
        JsonArray array => array.SelectMany(Types).ToList(),
        _ => [],
    };
}
