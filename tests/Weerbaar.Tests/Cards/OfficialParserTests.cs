namespace Weerbaar.Tests.Cards;

/// <summary>Every template, expanded with its sample data, is a valid schema 1.5 card for the official parser.</summary>
public sealed class OfficialParserTests(OfficialParserFixture fixture) : IClassFixture<OfficialParserFixture>
{
    public static TheoryData<string> TemplateNames => CardTemplateFiles.NameData;

    public static TheoryData<string> BrokenCardNames => new(OfficialParserFixture.BrokenCards.Select(card => card.Name));

    [Fact]
    public void The_cards_folder_holds_the_templates_the_bot_uses() =>
        Assert.Superset(new HashSet<string>(Weerbaar.Bot.Cards.CardName.All), new HashSet<string>(CardTemplateFiles.Names));

    [Theory]
    [MemberData(nameof(TemplateNames))]
    public void Template_with_its_sample_parses_without_warnings(string name)
    {
        var result = fixture.Results[name];

        Assert.Null(result.Error);
        Assert.IsType<System.Text.Json.Nodes.JsonObject>(result.Expanded);
        Assert.True(result.Warnings.Count == 0, $"{name}: {string.Join("\n", result.Warnings)}");
    }

    [Theory]
    [MemberData(nameof(BrokenCardNames))]
    public void Checker_reports_a_broken_card(string name)
    {
        var expected = OfficialParserFixture.BrokenCards.Single(card => card.Name == name).Expected;
        var result = fixture.Results["broken: " + name];

        Assert.Null(result.Error);
        Assert.Contains(result.Warnings, warning => warning.Contains(expected, StringComparison.Ordinal));
    }
}
