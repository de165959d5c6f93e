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

    private static List<GroundedPassage> TwoPassages()
    {
        var articles = RepositoryKnowledge.Load.Set.Articles.Where(a => a.Sources.Any(s => s.Url is not null)).Take(2).ToList();
        return [.. articles.Select((article, i) => new GroundedPassage(i + 1, article, 0, article.Lead.Text))];
    }
}
