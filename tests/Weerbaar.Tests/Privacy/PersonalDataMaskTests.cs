using Weerbaar.Core.Privacy;

namespace Weerbaar.Tests.Privacy;

/// <summary>Personal data in a question is masked before the question goes to the model or is kept as unanswered.</summary>
public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("Mijn BSN is 123456782.", "Mijn BSN is [BSN].")]
    [InlineData("bsn 1234.56.782 klopt dat?", "bsn [BSN] klopt dat?")]
    [InlineData("Bel mij op 06-12345678 graag", "Bel mij op [telefoonnummer] graag")]
    [InlineData("Bel 020 123 4567 of +31 6 1234 5678", "Bel [telefoonnummer] of [telefoonnummer]")]
    [InlineData("nummer +31 (0)20 1234567", "nummer [telefoonnummer]")]
    [InlineData("Mail naar p.de.vries@gemeente-testdorp.nl voor info", "Mail naar [e-mailadres] voor info")]
    [InlineData("Maak over naar NL91 ABNA 0417 1643 00 aub", "Maak over naar [IBAN] aub")]
    [InlineData("iban nl91abna0417164300", "iban [IBAN]")]
    [InlineData("Belgisch nummer +32 470 12 34 56", "Belgisch nummer [telefoonnummer]")]
    [InlineData("Ik woon op 1234 AB 12, is daar een noodsteunpunt?", "Ik woon op [postcode en huisnummer], is daar een noodsteunpunt?")]
    [InlineData("adres 1234AB 12a graag", "adres [postcode en huisnummer] graag")]
    [InlineData("postcode 3511 lk 7-2", "postcode [postcode en huisnummer]")]
    [InlineData("BSN 111222333 en 123.456.782", "BSN [BSN] en [BSN]")]
    public void PersonalData_IsMasked(string question, string expected) => Assert.Equal(expected, PersonalDataMask.Apply(question));

    [Theory]
    [InlineData("Wat moet er in een noodpakket voor 72 uur?")]
    [InlineData("Wat staat in de brief van 6 december 2024 met kenmerk 5982153?")]
    [InlineData("Hoeveel liter water per persoon per dag? 3 liter?")]
    [InlineData("Bel 112 bij nood, of 0800-1351 voor de overheid")]
    [InlineData("Wat zijn de 7 NAVO-basiseisen?")]
    [InlineData("Wat zegt artikel 175 van de Gemeentewet?")]
    [InlineData("Kreeg de regio in 2024 en 12 dagen later nog € 1250,50?")]
    [InlineData("Is er een noodsteunpunt in 1234 AB?")]
    [InlineData("Wat staat in zaak 123456789?")]
    public void OrdinaryQuestions_AreLeftAsTheyAre(string question) => Assert.Equal(question, PersonalDataMask.Apply(question));
}
