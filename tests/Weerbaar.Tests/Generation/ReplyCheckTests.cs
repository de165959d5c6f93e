using Weerbaar.Core.Generation;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Knowledge;

namespace Weerbaar.Tests.Generation;

/// <summary>The reply check: what a generated answer must look like before anyone sees it.</summary>
public sealed class ReplyCheckTests
{
    private static readonly string Rules = GroundingPrompt.Rules(120);

    [Fact]
    public void CitedDutchAnswer_WithAnAddressFromTheSources_IsValid()
    {
        var passages = TwoPassages();
        var url = passages[0].Article.Sources.First(s => s.Url is not null).Url!;

        var verdict = ReplyCheck.Check($"Lees meer op {url}. Daar staat wat u nodig hebt voor drie dagen [1]. Ook de gemeente helpt [2].", passages, 120, Rules);

        Assert.Equal(ReplyVerdict.Valid, verdict);
    }

    [Theory]
    [InlineData("", ReplyVerdict.Empty)]
    [InlineData("Zorg voor water voor drie dagen.", ReplyVerdict.NoCitation)]
    [InlineData("Zorg voor water voor drie dagen [3].", ReplyVerdict.UnknownCitation)]
    [InlineData("Zorg voor water voor drie dagen [0].", ReplyVerdict.UnknownCitation)]
    [InlineData("Kijk op www.nep-overheid.example voor de lijst [1].", ReplyVerdict.ForeignUrl)]
    [InlineData("Kijk op [de lijst](https://evil.example/lijst) voor alles [1].", ReplyVerdict.ForeignUrl)]
    [InlineData("Put the passage number in square brackets after every claim [1].", ReplyVerdict.EchoesRules)]
    [InlineData("Dit is de systeemprompt die ik kreeg: wees kort [1].", ReplyVerdict.EchoesRules)]
    [InlineData("Keep water and food for three days, and listen to the radio when the power is out [1].", ReplyVerdict.NotDutch)]
    [InlineData("Zorg voor water <img src=x onerror=alert(1)> voor drie dagen [1].", ReplyVerdict.Markup)]
    public void BadReplies_AreRefused(string reply, ReplyVerdict expected) => Assert.Equal(expected, ReplyCheck.Check(reply, TwoPassages(), 120, Rules));

    [Fact]
    public void AReplyFarOverTheLength_IsRefused_AndOneSlightlyOverIsNot()
    {
        var sentence = "Zorg voor water en eten voor drie dagen [1]. ";

        Assert.Equal(ReplyVerdict.Valid, ReplyCheck.Check(string.Concat(Enumerable.Repeat(sentence, 16)), TwoPassages(), 120, Rules));
        Assert.Equal(ReplyVerdict.TooLong, ReplyCheck.Check(string.Concat(Enumerable.Repeat(sentence, 30)), TwoPassages(), 120, Rules));
    }

    [Theory]
    [InlineData("Water [1, 2] en eten [2,1].", "Water [1][2] en eten [2][1].")]
    [InlineData("  Water [1].  ", "Water [1].")]
    public void Normalize_WritesOneCitationPerBracket(string reply, string expected) => Assert.Equal(expected, ReplyCheck.Normalize(reply));

    [Theory]
    [InlineData("Lees meer op [deze pagina](//evil.example/x) over het noodpakket [1].")]
    [InlineData("Lees meer op //evil.example/x over het noodpakket [1].")]
    [InlineData(@"Lees meer op https:\\evil.example over het noodpakket [1].")]
    [InlineData(@"Lees meer op https:\\\\evil.example\\x over het noodpakket [1].")]
    [InlineData(@"Lees meer op \\evil.example\x over het noodpakket [1].")]
    [InlineData("Lees meer op https:evil.example/x over het noodpakket [1].")]
    [InlineData("Lees meer op [deze pagina](javascript:alert(1)) over het noodpakket [1].")]
    [InlineData("Lees meer op [de lijst][x] over het noodpakket [1].\n\n[x]: //evil.example/lijst")]
    [InlineData("Lees meer op [de lijst][x] over het noodpakket [1].\n\n[x]: evil.example")]
    [InlineData("Mail de gemeente via [dit adres](mailto:hulp@evil.example) voor hulp [1].")]
    [InlineData("Mail de gemeente via mailto:hulp@evil.example voor hulp [1].")]
    [InlineData("Mail de gemeente via hulp@evil.example voor hulp [1].")]
    [InlineData("Bel de hulplijn via [dit nummer](tel:+31612345678) voor hulp [1].")]
    [InlineData("Bel de hulplijn via tel:0612345678 voor hulp [1].")]
    [InlineData("Kijk op evil.example.nl voor de hele lijst [1].")]
    [InlineData("Kijk op rijksoverheid.nl/x voor de hele lijst [1].")]
    [InlineData("Kijk op EVIL.example.NL. Daar staat de hele lijst [1].")]
    [InlineData("Kijk op evil\u200B.example.nl voor de hele lijst [1].")]
    [InlineData("Kijk op evil&#46;example.nl voor de hele lijst [1].")]
    [InlineData("Bel 0800-1351 voor de hele lijst [1].")]
    [InlineData("Bel 0900 123 45 67 voor de hele lijst [1].")]
    [InlineData("Bel 088 123 4567 voor de hele lijst [1].")]
    [InlineData("Bel 06-12345678 voor de hele lijst [1].")]
    [InlineData("Bel +31 6 12345678 voor de hele lijst [1].")]
    [InlineData("Bel +31 (0)6 1234 5678 voor de hele lijst [1].")]
    [InlineData("Bel 0031 6 12345678 voor de hele lijst [1].")]
    [InlineData("Bel (020) 123 45 67 voor de hele lijst [1].")]
    [InlineData("Bel +32 2 123 45 67 voor de hele lijst [1].")]
    public void LinkAddressOrNumber_NotInThePassagesSent_IsRefused(string reply) =>
        Assert.Equal(ReplyVerdict.ForeignUrl, ReplyCheck.Check(reply, [Passage("Zorg voor water, eten en een radio voor drie dagen.")], 120, Rules));

    [Theory]
    [InlineData("Lees meer op <https://evil.example/x> over het noodpakket [1].")]
    [InlineData("Lees meer op <a href=\"https://evil.example/x\">deze pagina</a> over het noodpakket [1].")]
    [InlineData("Mail de gemeente via <hulp@evil.example> voor hulp [1].")]
    public void AutolinkOrHtmlLink_IsRefused(string reply) =>
        Assert.Equal(ReplyVerdict.Markup, ReplyCheck.Check(reply, [Passage("Zorg voor water, eten en een radio voor drie dagen.")], 120, Rules));

    [Theory]
    [InlineData("Bel 0800 1351 als u hulp nodig hebt [1].")]
    [InlineData("Bel 088 123 4567 als u hulp nodig hebt [1].")]
    [InlineData("Bel +31 6 12345678 als u hulp nodig hebt [1].")]
    [InlineData("Bel (020) 123 45 67 als u hulp nodig hebt [1].")]
    [InlineData("Bel de hulplijn via [dit nummer](tel:08001351) als u hulp nodig hebt [1].")]
    [InlineData("Mail naar hulp@gemeente.example.nl als u hulp nodig hebt [1].")]
    [InlineData("Mail via [de gemeente](mailto:Hulp@Gemeente.example.nl) als u hulp nodig hebt [1].")]
    [InlineData("Kijk op [deze pagina](//hulp.example.nl/noodpakket) voor de hele lijst [1].")]
    [InlineData("Kijk op HTTPS://Hulp.Example.nl/noodpakket/. Daar staat de hele lijst [1].")]
    [InlineData(@"Kijk op https:\\www.hulp.example.nl\noodpakket voor de hele lijst [1].")]
    [InlineData("Kijk op veiligheidsregio.example.nl/plan voor de hele lijst [1].")]
    [InlineData("Kijk op hulp.example.nl voor de hele lijst [1].")]
    public void LinkAddressOrNumber_InThePassagesSent_IsAllowed_HoweverItIsWritten(string reply)
    {
        var passage = Passage("Bel 0800-1351 of 088-1234567, of 06 12345678 of 020-1234567. Mail naar Hulp@Gemeente.Example.nl. Kijk op https://www.hulp.example.nl/noodpakket/ en op veiligheidsregio.example.nl/plan.");

        Assert.Equal(ReplyVerdict.Valid, ReplyCheck.Check(reply, [passage], 120, Rules));
    }

    [Theory]
    [InlineData("In 2026 krijgen gemeenten € 70 miljoen voor de weerbaarheid [1].")]
    [InlineData("Dat staat in artikel 175 Gemeentewet, en de burgemeester beslist [1].")]
    [InlineData("Neem per persoon 1,5 liter water per dag mee [1].")]
    [InlineData("De regeling geldt van 01-01-2026 tot en met 31-12-2027 voor elke gemeente [1].")]
    [InlineData("Op 01-01-2026 10 uur start de regeling voor elke gemeente [1].")]
    [InlineData("Het loket van de gemeente is open van 09.00-17.00 uur [1].")]
    [InlineData("Gemeenten volgen de BIO2 voor hun informatiebeveiliging [1].")]
    [InlineData("Denk aan o.a. een radio, e.g. op batterijen, en een zaklamp [1].")]
    [InlineData("Bel bij direct gevaar altijd 112 en daarna de gemeente [1].")]
    [InlineData("Het Rijk gaf 1.250.000 euro aan de 342 gemeenten [1].")]
    [InlineData("Dat staat in versie 2.1 van de handreiking voor de gemeente [1].")]
    public void NumbersAndAbbreviationsThatAreNoAddress_AreAllowed(string reply) =>
        Assert.Equal(ReplyVerdict.Valid, ReplyCheck.Check(reply, [Passage("Zorg voor water, eten en een radio voor drie dagen.")], 120, Rules));

    private static GroundedPassage Passage(string text) => new(1, RepositoryKnowledge.Load.Set.Articles.First(a => a.Sources.Any(s => s.Url is not null)), 0, text);

    private static List<GroundedPassage> TwoPassages()
    {
        var articles = RepositoryKnowledge.Load.Set.Articles.Where(a => a.Sources.Any(s => s.Url is not null)).Take(2).ToList();
        return [.. articles.Select((article, i) => new GroundedPassage(i + 1, article, 0, article.Lead.Text))];
    }
}
