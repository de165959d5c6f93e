using Weerbaar.Core.Search;
using Weerbaar.Tests.Knowledge;

namespace Weerbaar.Tests.Search;

/// <summary>
/// An everyday Dutch word is no typing error: it is not "corrected" into a word of the knowledge, and a question about
/// something the knowledge never mentions is not answered on the strength of one shared word.
/// </summary>
public sealed class EverydayWordTests
{
    [Fact]
    public void TheWordList_KnowsEverydayWords_AndNotTheKnowledgesJargon()
    {
        Assert.True(DutchWords.IsCommon("recept"));
        Assert.True(DutchWords.IsCommon("zwembad"));
        Assert.False(DutchWords.IsCommon("noodsteunpunt"));
        Assert.False(DutchWords.IsCommon("veiligheidsregio"));
    }

    [Fact]
    public void AnEverydayWord_IsNotCorrected_ButATypingErrorStillIs()
    {
        var corrector = new SpellingCorrector(["recent", "noodpakket", "veiligheidsregio"]);

        Assert.Equal("recept", corrector.Correct("recept"));
        Assert.Equal("noodpakket", corrector.Correct("noodpakkket"));
        Assert.Equal("veiligheidsregio", corrector.Correct("veiligheidregio"));
    }

    [Fact]
    public void AnEverydayQuestion_SharingNoWordButATypo_IsNotConfident()
    {
        using var index = KnowledgeIndex.Build(RepositoryKnowledge.Load.Set);

        var hits = index.Search("Wat is het recept voor erwtensoep?", 1);

        Assert.True(hits.Count == 0 || hits[0].Coverage < new Core.Answering.AnswerOptions().MinCoverage, hits.Count == 0 ? "no hit" : $"{hits[0].Article.Id} {hits[0].Coverage:0.00}");
    }
}
