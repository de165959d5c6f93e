using Weerbaar.Bot.Admin;

namespace Weerbaar.Tests.Admin;

/// <summary>The admin home says in plain words what is published, what waits and what is out of date: one, none or many.</summary>
public sealed class AdminTextsTests
{
    [Theory]
    [InlineData(0, 0, 0, "Er is nog geen artikel gepubliceerd. Er wachten geen concepten op u. Alle artikelen zijn in de laatste 365 dagen gecontroleerd.")]
    [InlineData(1, 1, 1, "1 artikel is gepubliceerd. 1 concept wacht op u. 1 artikel is langer dan 365 dagen niet gecontroleerd.")]
    [InlineData(3, 3, 3, "3 artikelen zijn gepubliceerd. 3 concepten wachten op u. 3 artikelen zijn langer dan 365 dagen niet gecontroleerd.")]
    public void HomeSummary_NamesEachNumberInTheRightForm(int published, int waiting, int stale, string expected) =>
        Assert.Equal(expected, AdminTexts.HomeSummary(published, waiting, stale, 365));
}
