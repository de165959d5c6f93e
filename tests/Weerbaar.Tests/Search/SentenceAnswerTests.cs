using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Knowledge;

namespace Weerbaar.Tests.Search;

/// <summary>
/// An answer opens with the sentence that holds the asked detail, that detail in bold; a request for work gets the
/// task reply; a question of one kind ("hoeveel", "wanneer", "wie", "waar") is read as that kind.
/// </summary>
public sealed class SentenceAnswerTests
{
    [Fact]
    public void Splitting_KeepsAbbreviationsInitialsAndListNumbersInsideTheirSentence()
    {
        var sentences = Sentences.Split("De brief is Kamerstuk 30 821, nr. 249. Hij is van P.J. Aalbersberg. Zie art. 5 Wvr.\n- Een punt\n- Nog een punt\n1. een genummerd punt;\n2. nog een.");

        Assert.Equal(
            ["De brief is Kamerstuk 30 821, nr. 249.", "Hij is van P.J. Aalbersberg.", "Zie art. 5 Wvr.", "- Een punt", "- Nog een punt", "1. een genummerd punt;", "2. nog een."],
            sentences.Select(s => s.Trim()));
    }

    [Theory]
    [InlineData("Hoeveel liter water per persoon per dag?", QuestionKind.Number)]
    [InlineData("hoe lang mag bestuurlijke ophouding duren", QuestionKind.Number)]
    [InlineData("Wat kost een noodaggregaat?", QuestionKind.Money)]
    [InlineData("Wanneer begon de pilot noodsteunpunten?", QuestionKind.Date)]
    [InlineData("Wie is de minister van Defensie?", QuestionKind.Who)]
    [InlineData("Op welk nummer bereik ik de IBD?", QuestionKind.Where)]
    [InlineData("Waarom moet ik een noodpakket hebben?", QuestionKind.Why)]
    [InlineData("Waar staat DIMEFIL voor?", QuestionKind.What)]
    [InlineData("Wat is bevolkingszorg?", QuestionKind.What)]
    public void QuestionKind_IsReadFromTheQuestionWords(string question, QuestionKind expected) =>
        Assert.Equal(expected, QuestionKinds.Of(question));

    [Theory]
    [InlineData("Schrijf een raadsvoorstel over noodsteunpunten", true)]
    [InlineData("Kunt u de brief aan de burgemeesters voor mij samenvatten?", true)]
    [InlineData("vertaal het noodpakket-advies naar het Pools", true)]
    [InlineData("Stel dat de stroom drie dagen uitvalt, wat moet de gemeente doen?", false)]
    [InlineData("Wat moet er in een noodpakket?", false)]
    [InlineData("Hoe maak ik een noodplan?", false)]
    public void TaskRequest_IsRecognised_ButAQuestionIsNot(string text, bool expected) =>
        Assert.Equal(expected, TaskRequest.Recognize(text));

    [Theory]
    [InlineData("Hoe lang mag bestuurlijke ophouding duren?", "**12 uur**")]
    [InlineData("Wat is het telefoonnummer van de IBD?", "**070 204 55 11**")]
    [InlineData("Hoeveel water per persoon per dag?", "**3 liter**")]
    public async Task FactualQuestion_OpensWithTheSentenceThatHoldsTheFact_InBold(string question, string fact)
    {
        var answer = await AnswerAsync(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains(fact.Trim('*'), answer.AnswerSentence, StringComparison.Ordinal);
        Assert.StartsWith(answer.AnswerSentence!.Split('\n')[0][..20], answer.Passage, StringComparison.Ordinal);
        Assert.Contains(fact, answer.Passage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCloseSentences_AreBothShownFirst_SoTheMinisterAskedForIsThere()
    {
        // The article names two ministers in two sentences with nearly the same words; the second answers.
        var answer = await AnswerAsync("Wie is sinds 2026 minister van Defensie?");

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains("minister van Defensie", answer.AnswerSentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASentenceThatPointsBack_IsShownWithTheOneBeforeIt()
    {
        var answer = await AnswerAsync("Hoeveel water per persoon per dag bij nooddrinkwater?");

        Assert.Contains("3 liter", answer.AnswerSentence, StringComparison.Ordinal);
        Assert.DoesNotMatch("^Het doet", answer.AnswerSentence!);
    }

    [Theory]
    [InlineData("Hoe de € 70 miljoen wordt verdeeld, staat niet in de bronnen van Weerbaar.", true)]
    [InlineData("De twaalf actielijnen zelf staan niet in de bronnen van Weerbaar.", true)]
    [InlineData("Een landelijke richtlijn voor mensen met medische apparatuur thuis is niet gevonden.", true)]
    [InlineData("Hoeveel noodsteunpunten er komen, was in maart 2026 nog niet bekend.", true)]
    [InlineData("De precieze datum van dat bericht is niet zeker.", false)]
    [InlineData("Het Rijk geeft structureel geld: oplopend tot € 70 miljoen per jaar.", false)]
    [InlineData("Een Tweede Kamerverkiezing is in Nederland nog nooit uitgesteld.", false)]
    public void AKnowledgeGap_IsTheArticleSayingItsSourcesLackADetail_NotACaveatOnAGivenFact(string sentence, bool expected) =>
        Assert.Equal(expected, KnowledgeGap.Says(sentence));

    [Fact]
    public async Task QuestionWhoseBestSentenceSaysTheSourcesLackIt_GetsThePartialOutcome_QuotingThatSentence()
    {
        var answer = await AnswerAsync("Hoe wordt de 70 miljoen over de veiligheidsregio's verdeeld?");

        Assert.Equal(AnswerKind.Partial, answer.Kind);
        Assert.Contains("staat niet in de bronnen", answer.AnswerSentence, StringComparison.Ordinal);
        Assert.Equal("geld-lokale-weerbaarheid", answer.Hit!.Article.Id);
    }

    [Theory]
    [InlineData("Het doet dat samen met de gemeente.", true)]
    [InlineData("Het Rijk geeft structureel geld.", false)]
    [InlineData("Daarin staat de opdracht.", true)]
    [InlineData("De burgemeester heeft het opperbevel.", false)]
    public void ASentenceRefersBack_WhenItOpensWithAWordThatPointsToTheOneBefore(string sentence, bool expected) =>
        Assert.Equal(expected, Sentences.RefersBack(sentence));

    [Theory]
    [InlineData("Welk telefoonnummer heeft het Veiligheidsberaad?")]
    [InlineData("Hoeveel kost een noodverordening?")]
    public async Task QuestionForADetailTheKnownTopicLacks_GetsThePartialOutcome_AndIsKeptForAdmins(string question)
    {
        var answer = await AnswerAsync(question);

        Assert.Equal(AnswerKind.Partial, answer.Kind);
        Assert.NotEmpty(answer.Nearest);
        Assert.Null(answer.AnswerSentence);
    }

    [Fact]
    public async Task RequestForWork_GetsTheTaskOutcome_AndNoArticle()
    {
        var answer = await AnswerAsync("Schrijf een persbericht over de stroomstoring");

        Assert.Equal(AnswerKind.Task, answer.Kind);
        Assert.Null(answer.Hit);
    }

    private static async Task<Answer> AnswerAsync(string question)
    {
        await using var repository = await RepositoryAnswerer.CreateAsync();
        return await repository.AskAsync(question);
    }

    [Fact]
    public void Sources_TheOneWhoseTitleMeetsTheAnswerComesFirst_TheRestKeepTheArticlesOrder()
    {
        SourceReference Source(string title) => new(title, null, "Uitgever", "2026-01-01");
        var day = new DateOnly(2026, 1, 1);
        var article = new Article(
            "proef", "Proef", "Proef", [], [], [],
            [Source("Crisisplan Stockholm"), Source("Handreiking noodsteunpunten voor gemeenten"), Source("Brief aan de burgemeesters")],
            [], [], day, day, null, ArticleAction.None, ArticleStatus.Published, []);

        var ordered = RelevantSources.Order(article, "Een **noodsteunpunt** is een plek waar inwoners terechtkunnen. De gemeente richt het in.");

        Assert.Equal(["Handreiking noodsteunpunten voor gemeenten", "Crisisplan Stockholm", "Brief aan de burgemeesters"], ordered.Select(s => s.Title));
    }
}
