using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Tests.Cards;

/// <summary>The templating subset of <see cref="CardTemplateRenderer"/>; parity with the official engine is tested apart.</summary>
public sealed class CardTemplateRendererTests
{
    [Fact]
    public void Expand_BindingInText_ReplacesNestedPaths() =>
        JsonAssert.Equal("""{ "text": "Hallo Ada uit Delft" }""",
            Expand("""{ "text": "Hallo ${name} uit ${address.city}" }""", """{ "name": "Ada", "address": { "city": "Delft" } }"""));

    [Fact]
    public void Expand_LoneBinding_KeepsTheValueType() =>
        JsonAssert.Equal("""{ "n": 3, "b": true, "o": { "k": [1] }, "a": [1, "x"], "z": null, "s": "x" }""",
            Expand("""{ "n": "${n}", "b": "${b}", "o": "${o}", "a": "${a}", "z": "${z}", "s": "${s}" }""",
                """{ "n": 3, "b": true, "o": { "k": [1] }, "a": [1, "x"], "z": null, "s": "x" }"""));

    [Fact]
    public void Expand_BindingInText_WritesValuesAsJavaScriptDoes() =>
        JsonAssert.Equal("""{ "text": "3 1.5 -0.25 true 1e+21 1e-7 0.000001 [object Object] 1,x,2,3" }""",
            Expand("""{ "text": "${n} ${d} ${neg} ${b} ${huge} ${tiny} ${small} ${o} ${a}" }""",
                """{ "n": 3, "d": 1.5, "neg": -0.25, "b": true, "huge": 1e21, "tiny": 1e-7, "small": 0.000001, "o": { "k": 1 }, "a": [1, "x", [2, 3]] }"""));

    // The official engine throws on null inside text; a card that still renders is the better failure.
    [Fact]
    public void Expand_NullInsideText_WritesNothing() =>
        JsonAssert.Equal("""{ "text": "voor  na", "constant": "" }""", Expand("""{ "text": "voor ${z} na", "constant": "${null}" }""", """{ "z": null }"""));

    [Fact]
    public void Expand_LoneConstant_BecomesText() =>
        JsonAssert.Equal("""{ "n": "2", "b": "true", "s": "x", "compared": true }""",
            Expand("""{ "n": "${2}", "b": "${true}", "s": "${'x'}", "compared": "${'a' == 'a'}" }""", "{}"));

    [Fact]
    public void Expand_MissingPath_StaysAsWritten() =>
        JsonAssert.Equal("""{ "a": "${missing}", "b": "voor ${o.missing} na", "c": "${missing}", "d": "${$root.missing}", "e": "${$index}" }""",
            Expand("""{ "a": "${missing}", "b": "voor ${o.missing} na", "c": "${ missing }", "d": "${$root.missing}", "e": "${$index}" }""", """{ "o": {} }"""));

    [Fact]
    public void Expand_DataArray_RepeatsTheElementWithIndexRootAndData() =>
        JsonAssert.Equal("""{ "body": [ { "text": "0 Ada OOV", "self": { "name": "Ada" } }, { "text": "1 Bo OOV", "self": { "name": "Bo" } }, { "text": "vast" } ] }""",
            Expand("""{ "body": [ { "$data": "${people}", "text": "${$index} ${name} ${$root.team}", "self": "${$data}" }, { "text": "vast" } ] }""",
                """{ "team": "OOV", "people": [ { "name": "Ada" }, { "name": "Bo" } ] }"""));

    [Fact]
    public void Expand_NestedDataArrays_EachHaveTheirOwnIndex() =>
        JsonAssert.Equal("""{ "body": [ { "tags": [ { "t": "0 a" }, { "t": "1 b" } ] }, { "tags": [ { "t": "0 c" } ] } ] }""",
            Expand("""{ "body": [ { "$data": "${people}", "tags": [ { "$data": "${tags}", "t": "${$index} ${$data}" } ] } ] }""",
                """{ "people": [ { "tags": ["a", "b"] }, { "tags": ["c"] } ] }"""));

    [Fact]
    public void Expand_DataObject_KeepsTheEnclosingIndex() =>
        JsonAssert.Equal("""{ "body": [ { "inner": { "v": "0 Delft" } }, { "inner": { "v": "1 Ede" } } ] }""",
            Expand("""{ "body": [ { "$data": "${people}", "inner": { "$data": "${address}", "v": "${$index} ${city}" } } ] }""",
                """{ "people": [ { "address": { "city": "Delft" } }, { "address": { "city": "Ede" } } ] }"""));

    [Fact]
    public void Expand_DataOutsideAnArray_GivesNullOneObjectOrAnArray() =>
        JsonAssert.Equal("""{ "none": null, "one": { "v": 1 }, "many": [ { "v": 1 }, { "v": 2 } ], "list": [] }""",
            Expand("""{ "none": { "$data": "${empty}", "v": 0 }, "one": { "$data": "${single}", "v": "${v}" }, "many": { "$data": "${pair}", "v": "${v}" }, "list": [ { "$data": "${empty}" } ] }""",
                """{ "empty": [], "single": [ { "v": 1 } ], "pair": [ { "v": 1 }, { "v": 2 } ] }"""));

    [Theory]
    [InlineData("${flag}", true)]
    [InlineData("${off}", false)]
    [InlineData("${missing}", false)]
    [InlineData("${!off}", true)]
    [InlineData("${!flag}", false)]
    [InlineData("${!missing}", true)]
    [InlineData("${!nothing}", true)]
    [InlineData("${!name}", false)]
    [InlineData("${role == 'admin'}", true)]
    [InlineData("${role == \"admin\"}", true)]
    [InlineData("${role == 'Admin'}", false)]
    [InlineData("${role != 'admin'}", false)]
    [InlineData("${role != 'gast'}", true)]
    [InlineData("${count == 2}", true)]
    [InlineData("${count == '2'}", false)]
    [InlineData("${missing == null}", true)]
    [InlineData("${nothing == null}", true)]
    [InlineData("${missing != null}", false)]
    [InlineData("${$root.role == role}", true)]
    [InlineData("${!flag == false}", true)]
    [InlineData("${name}", false)] // A string is no boolean: the official engine drops the element.
    [InlineData("${count}", false)]
    [InlineData("${flag} ", false)] // Text around a binding makes the result a string.
    [InlineData("\\${flag}", false)]
    [InlineData("${true}", false)] // A constant alone is text to the official engine.
    [InlineData("${'admin' == role}", true)]
    public void Expand_When_KeepsTheElementOnlyForTrue(string when, bool kept)
    {
        var template = new JsonObject { ["body"] = new JsonArray(new JsonObject { ["$when"] = when, ["t"] = 1 }) };
        var data = JsonNode.Parse("""{ "flag": true, "off": false, "nothing": null, "name": "x", "role": "admin", "count": 2 }""");

        var body = CardTemplateRenderer.Expand(template, data)["body"]!.AsArray();

        Assert.Equal(kept ? 1 : 0, body.Count);
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    [InlineData("\"tekst\"", false)]
    [InlineData("\"\"", true)]
    [InlineData("0", true)]
    [InlineData("null", true)]
    public void Expand_WhenThatIsNoExpression_DropsTheElementWhenTruthy(string whenJson, bool kept)
    {
        var template = JsonNode.Parse($$"""{ "body": [ { "$when": {{whenJson}}, "t": 1 } ] }""")!;

        var body = CardTemplateRenderer.Expand(template, new JsonObject())["body"]!.AsArray();

        Assert.Equal(kept ? 1 : 0, body.Count);
    }

    [Fact]
    public void Expand_DataWithWhen_FiltersTheItems() =>
        JsonAssert.Equal("""{ "body": [ { "n": "Ada", "i": 0 }, { "n": "Cas", "i": 2 } ] }""",
            Expand("""{ "body": [ { "$data": "${people}", "$when": "${active}", "n": "${name}", "i": "${$index}" } ] }""",
                """{ "people": [ { "name": "Ada", "active": true }, { "name": "Bo" }, { "name": "Cas", "active": true } ] }"""));

    [Fact]
    public void Expand_EscapedBinding_IsText() =>
        JsonAssert.Equal("""{ "a": "${x}", "b": "a$b X", "c": "$X", "d": "a\\$b" }""",
            Expand("""{ "a": "\\${x}", "b": "a\\$b ${x}", "c": "\\$${x}", "d": "a\\$b" }""", """{ "x": "X" }"""));

    [Fact]
    public void Expand_BraceInsideAQuotedLiteral_DoesNotEndTheBinding() =>
        JsonAssert.Equal("""{ "a": true, "b": "it's" }""", Expand("""{ "a": "${x == '}'}", "b": "${'it\\'s'}" }""", """{ "x": "}" }"""));

    [Fact]
    public void Expand_UnclosedBinding_IsText() =>
        JsonAssert.Equal("""{ "a": "X ${x" }""", Expand("""{ "a": "${x} ${x" }""", """{ "x": "X" }"""));

    [Fact]
    public void Expand_Names_AreMatchedWithoutRegardToCase() =>
        JsonAssert.Equal("""{ "a": "Ada", "b": "first" }""", Expand("""{ "a": "${$ROOT.Name}", "b": "${dup}" }""", """{ "name": "Ada", "Dup": "first", "dup": "second" }"""));

    [Fact]
    public void Expand_BoundValues_AreNotExpandedAgain() =>
        JsonAssert.Equal("""{ "a": "${y}", "b": "voor ${$root.y} na" }""",
            Expand("""{ "a": "${x}", "b": "voor ${z} na" }""", """{ "x": "${y}", "y": "Y", "z": "${$root.y}" }"""));

    [Fact]
    public void Expand_Arrays_FlattenAndDropNulls() =>
        JsonAssert.Equal("""{ "items": [1, 2, 3, 7, 8, { "t": 2 }] }""",
            Expand("""{ "items": [ [1, 2], [3], null, "${nothing}", "${list}", { "$when": "${no}", "t": 1 }, { "t": 2 } ] }""",
                """{ "nothing": null, "list": [7, 8], "no": false }"""));

    [Fact]
    public void Expand_ReservedKeys_AreDropped() =>
        JsonAssert.Equal("""{ "keep": 1 }""", Expand("""{ "$root": 1, "$index": 2, "$host": 3, "$data": { "on": true }, "$when": "${on}", "keep": 1 }""", "{}"));

    [Fact]
    public void Expand_ChangesNeitherTemplateNorData()
    {
        var template = JsonNode.Parse("""{ "body": [ { "$data": "${items}", "$when": "${on}", "text": "${name}" } ] }""")!;
        var data = JsonNode.Parse("""{ "items": [ { "name": "a", "on": true } ] }""")!;
        var templateBefore = template.DeepClone();
        var dataBefore = data.DeepClone();

        var card = CardTemplateRenderer.Expand(template, data);
        card["body"]![0]!["text"] = "changed";

        JsonAssert.Equal(templateBefore, template);
        JsonAssert.Equal(dataBefore, data);
    }

    [Fact]
    public void Expand_RootThatExpandsToNothing_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Expand("""{ "$when": "${off}", "type": "AdaptiveCard" }""", """{ "off": false }"""));

    private static JsonNode Expand(string templateJson, string dataJson) =>
        CardTemplateRenderer.Expand(JsonNode.Parse(templateJson)!, JsonNode.Parse(dataJson));
}
