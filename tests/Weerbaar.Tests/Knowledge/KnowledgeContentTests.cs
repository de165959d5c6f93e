using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Knowledge;

/// <summary>The repository's knowledge passes its own validation and meets the content requirements.</summary>
public sealed class KnowledgeContentTests
{
    [Fact]
    public void EveryKnowledgeFile_PassesValidation()
    {
        var problems = RepositoryKnowledge.Load.Problems.Select(p => p.ToString()).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void KnowledgeBase_HasAtLeast45PublishedArticles_EachWithQuestionsSourcesAndDate()
    {
        var articles = RepositoryKnowledge.Load.Set.Articles;

        Assert.True(articles.Count(a => a.Status == ArticleStatus.Published) >= 45, $"{articles.Count} articles");
        Assert.All(articles, article =>
        {
            Assert.True(article.Questions.Count >= 3, article.Id);
            Assert.NotEmpty(article.Sources);
            Assert.NotEqual(default, article.LastChecked);
        });
    }

    [Fact]
    public void ResourcesCatalogue_GivesEveryResourceAnAddressOrAWayToGetIt()
    {
        var resources = RepositoryKnowledge.Load.Set.Resources;

        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.True(r.Url is not null || r.Obtain is not null, r.Id));
        Assert.Contains(resources, r => r.Kind == ResourceKind.Mailbox && r.Url == "mailto:communicatie.weerbaarheid@nctv.minjenv.nl");
    }

    [Theory]
    [InlineData("middelen")]
    [InlineData("bijdrage")]
    [InlineData("europa")]
    [InlineData("tool")]
    [InlineData("radio")]
    [InlineData("campagne")]
    public void AnEverydayWord_IsNoSynonym_BecauseItWouldPullOtherQuestionsToOneArticle(string word)
    {
        Assert.DoesNotContain(RepositoryKnowledge.Load.Set.Synonyms, group => group.Contains(word, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void GripAndOpschaling_AreSeparateTerms_AndTheCrisisAbbreviationsFindTheirNames()
    {
        var synonyms = RepositoryKnowledge.Load.Set.Synonyms;

        Assert.DoesNotContain(synonyms, group => group.Contains("grip") && group.Contains("opschaling"));
        foreach (var abbreviation in new[] { "aov", "oov", "grip", "copi", "rot", "rbt", "gbt", "ghor" })
        {
            Assert.Contains(synonyms, group => group.Contains(abbreviation) && group.Count > 1);
        }
    }

    [Fact]
    public void TheVideoPassword_IsNotPublishedInTheKnowledgeBase()
    {
        // The letter gives the download password to mayors; the bot points to the letter instead of repeating it.
        var password = File.ReadAllText(Support.RepoPaths.Of("knowledge", "sources", "brief-burgemeesters-2024-12-06.md"))
            .Split("wachtwoord: **")[1].Split("**")[0];

        Assert.DoesNotContain(RepositoryKnowledge.Files, file => file.Text.Contains(password, StringComparison.Ordinal));
    }
}
