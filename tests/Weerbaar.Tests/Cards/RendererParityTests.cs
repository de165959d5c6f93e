using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Tests.Cards;

/// <summary>
/// Our renderer expands like the official engine (npm <c>adaptivecards-templating</c>), the reference, on the real
/// templates, on adversarial user text and on every feature of the subset.
/// </summary>
public sealed class RendererParityTests(RendererParityFixture fixture) : IClassFixture<RendererParityFixture>
{
    public static TheoryData<string> CaseNames => ParityCases.NameData;

    public static TheoryData<string> ProbeNames => ParityCases.ProbeNameData;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Expand_matches_the_official_engine(string name)
    {
        var @case = ParityCases.Get(name);
        var official = fixture.Results[name];
        Assert.True(official.Error is null, $"The official engine failed on {name}: {official.Error}");

        var ours = CardTemplateRenderer.Expand(@case.Template, @case.Data);

        JsonAssert.Equal(official.Expanded, ours, name);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Card_with_adversarial_user_text_stays_valid(string name)
    {
        var official = fixture.Results[name];

        Assert.Null(official.Error);
        Assert.True(official.Warnings.Count == 0, $"{name}: {string.Join("\n", official.Warnings)}");
    }
}
