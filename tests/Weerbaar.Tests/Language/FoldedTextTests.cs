using Weerbaar.Core.Language;

namespace Weerbaar.Tests.Language;

/// <summary>How a long introduction is folded for a phone: whole sentences in sight, the rest behind "Lees meer".</summary>
public sealed class FoldedTextTests
{
    [Fact]
    public void AShortText_StaysWhole()
    {
        var folded = FoldedText.Of("Kies samen drie acties. Geef elke actie een eigenaar en een datum.");

        Assert.False(folded.IsFolded);
        Assert.Equal("Kies samen drie acties. Geef elke actie een eigenaar en een datum.", folded.Lead);
    }

    [Fact]
    public void ALongText_KeepsWholeSentencesInSight_AndNothingIsLost()
    {
        var text = string.Join(' ', Enumerable.Range(1, 8).Select(i => $"Zin {i} gaat over stroom, water en het gemeentehuis."));

        var folded = FoldedText.Of(text);

        Assert.True(folded.IsFolded);
        Assert.EndsWith(".", folded.Lead, StringComparison.Ordinal);
        Assert.InRange(folded.Lead.Length, 1, FoldedText.LeadLength);
        Assert.StartsWith("Zin ", folded.Rest, StringComparison.Ordinal);
        Assert.Equal(text, $"{folded.Lead} {folded.Rest}");
    }

    [Fact]
    public void ALongFirstSentence_IsShownWhole_AndANumberOrAbbreviationDoesNotEndASentence()
    {
        var first = "Wat ligt stil binnen 1, 8 en 24 uur, bijv. de pinautomaat, de telefoon, het internet en de liften van het gemeentehuis, als de stroom in de hele regio uitvalt door sabotage?";
        var text = first + " " + string.Concat(Enumerable.Repeat("Denk ook aan de radio. ", 5)).Trim();

        var folded = FoldedText.Of(text);

        Assert.Equal(first, folded.Lead);
        Assert.StartsWith("Denk ook aan de radio.", folded.Rest, StringComparison.Ordinal);
    }
}
