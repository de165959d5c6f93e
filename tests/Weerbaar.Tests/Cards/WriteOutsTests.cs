using Weerbaar.Bot.Cards;

namespace Weerbaar.Tests.Cards;

/// <summary>A card writes an abbreviation out once: a title or button label drops the "(ABC)" the quoted text already has.</summary>
public sealed class WriteOutsTests
{
    [Theory]
    [InlineData("Wat is de Wet op de defensiegereedheid (Wodg)?", "De Wet op de defensiegereedheid (Wodg) maakt regels korter.", "Wat is de Wet op de defensiegereedheid?")]
    [InlineData("Wat doet het IBD-CERT (IBD-CERT)?", "Het computercrisisteam (IBD-CERT) is 24/7 bereikbaar.", "Wat doet het IBD-CERT?")]
    [InlineData("Wat is de Wodg (Wodg)?", "De wet maakt regels korter.", "Wat is de Wodg (Wodg)?")]
    [InlineData("Wat gebeurde er (in 2024)?", "Het begon (in 2024) met een brief.", "Wat gebeurde er (in 2024)?")]
    [InlineData("Wie is minister (VVD)?", "Sinds 2026 is hij minister (JenV).", "Wie is minister (VVD)?")]
    public void ALine_DropsOnlyTheWriteOutsTheTextAlreadyHas(string line, string text, string expected) =>
        Assert.Equal(expected, WriteOuts.Without(line, text));
}
