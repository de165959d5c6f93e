using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Questions;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Language;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Knowledge;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Questions;

/// <summary>
/// Questions answered from the seeded knowledge over real HTTP: the answer card with its sources, "lees meer",
/// 👍/👎 feedback stored without a user id, honest abstention, follow-ups in context, small talk and bad input.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class AnsweringTests : LocalBotTest
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task Question_GetsAnAnswerCard_ThatOpensWithTheAnswer_WithSourcesBehindAButton_AndHowCurrentItIs()
    {
        var card = await AskAsync("Wat moet er in een noodpakket?");

        var text = TextOf(card);
        Assert.Contains("liter", card["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var article = RepositoryKnowledge.Load.Set.ArticlesById["noodpakket"];
        Assert.Contains($"Uit: {article.Title} · Stand: {DutchDates.FormatMonth(article.FactsAsOf)} · gecontroleerd {DutchDates.Format(article.LastChecked)}", text, StringComparison.Ordinal);
        var sources = SourcesButton(card);
        Assert.Equal($"{article.Sources.Count} bronnen", sources["title"]!.GetValue<string>());
        var lines = sources["card"]!["body"]!.AsArray().Select(line => line!["text"]!.GetValue<string>()).ToList();
        Assert.InRange(lines.Count, 1, AnswerCards.AnswerSources + 1);
        Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\[[^\]]+\]\(https?://[^)]+\)"));
        Assert.Equal(["ask", "helpful", "notHelpful", "readMore"], ExecuteActions(card).Select(a => a!["verb"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnswerFromAnArticleWithManySources_NamesAtMostFour_TheOneBehindTheAnswerFirst_AndSaysWhereTheRestAre()
    {
        var article = RepositoryKnowledge.Load.Set.ArticlesById["noodsteunpunten"];
        Assert.True(article.Sources.Count > AnswerCards.AnswerSources);

        var card = await AskAsync(article.Title);

        Assert.Equal(article.Id, Feedback(card)["articleId"]!.GetValue<string>());
        var shown = SourcesButton(card)["card"]!["body"]!.AsArray().Select(line => line!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(AnswerCards.AnswerSources + 1, shown.Count);
        Assert.Equal($"Alle {article.Sources.Count} bronnen staan onder Lees meer.", shown[^1]);
        var passage = card["body"]![0]!["text"]!.GetValue<string>();
        Assert.Equal(CardText.Literal(RelevantSources.Order(article, passage)[0].Title), TitleOf(shown[0]));
    }

    [Theory]
    [InlineData("Wat is de Wet op de defensiegereedheid?", "(Wodg)")]
    [InlineData("Wat is de Wet weerbaarheid kritieke entiteiten?", "(Wwke)")]
    public async Task AnAbbreviation_IsWrittenOutOncePerCard_OnTheAnswerAndOnLeesMeer(string question, string writtenOut)
    {
        var card = await AskAsync(question);
        Assert.Equal(1, Occurrences(TextOf(card), writtenOut));

        await Bot.PostActivityAsync(Chat().CardAction(_anna, "readMore", new JsonObject { ["articleId"] = Feedback(card)["articleId"]!.GetValue<string>() }));

        Assert.Equal(1, Occurrences(TextOf(CardOf(Connector.SentActivities[^1])), writtenOut));
    }

    [Fact]
    public async Task MayorsPowersQuestion_IsAnsweredFromTheArticleAboutArticle39()
    {
        var card = await AskAsync("Wanneer gaan mijn bevoegdheden over naar de voorzitter van de veiligheidsregio?");

        Assert.Contains("voorzitter van de veiligheidsregio", TextOf(card), StringComparison.Ordinal);
        Assert.Equal("opschaling-voorzitter-veiligheidsregio", Feedback(card)["articleId"]!.GetValue<string>());
    }

    [Fact]
    public async Task OutOfScopeQuestion_GetsTheNotKnownCard_AndIsKeptWithoutUserId()
    {
        var reply = await PostAsync(Chat().Message(_anna, "Wie wint de Tour de France dit jaar?"));

        var text = TextOf(CardOf(reply));
        Assert.Contains("Dat weet ik niet zeker", text, StringComparison.Ordinal);
        Assert.Contains("veiligheidsregio", text, StringComparison.Ordinal);
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.UnansweredQuestions.ToListAsync());
        Assert.Equal("Wie wint de Tour de France dit jaar?", stored.Text);
        Assert.DoesNotContain(_anna.Id, System.Text.Json.JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionForADetailTheKnownTopicLacks_GetsThePartialCard_NamingWhatIsMissing_AndIsKeptAsPartial()
    {
        var reply = await PostAsync(Chat().Message(_anna, "Hoeveel kost een noodverordening?"));

        var card = CardOf(reply);
        var text = TextOf(card);
        Assert.Contains("Dat staat niet in mijn kennisbank", text, StringComparison.Ordinal);
        Assert.Contains("ik vond niet het bedrag waar u naar vraagt", text, StringComparison.Ordinal);
        Assert.Contains("Dit weet ik er wel over:", text, StringComparison.Ordinal);
        // No sources: nothing on this card is an answer that sources could back.
        Assert.DoesNotContain("bronnen", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ExecuteActions(card), a => a!["verb"]!.GetValue<string>() == "ask");
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.UnansweredQuestions.ToListAsync());
        Assert.True(stored.Partial);
    }

    [Fact]
    public async Task QuestionForADetailTheArticleSaysItLacks_GetsThePartialCard_QuotingTheArticle()
    {
        var reply = await PostAsync(Chat().Message(_anna, "Hoe wordt de 70 miljoen over de veiligheidsregio's verdeeld?"));

        var text = TextOf(CardOf(reply));
        Assert.Contains("Dat staat niet in mijn kennisbank", text, StringComparison.Ordinal);
        Assert.Contains("In mijn kennisbank staat hierover:", text, StringComparison.Ordinal);
        Assert.Contains("staat niet in de bronnen van Weerbaar", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecuteActions(CardOf(reply)), a => a!["verb"]!.GetValue<string>() == "helpful");
    }

    [Fact]
    public async Task RequestForWork_GetsAShortReplySayingWhatWeerbaarDoes_AndNothingIsStored()
    {
        var reply = await PostAsync(Chat().Message(_anna, "Schrijf een raadsvoorstel over noodsteunpunten"));

        Assert.Contains("Dat werk doe ik niet", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(reply["attachments"]?.AsArray() ?? []);
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.UnansweredQuestions.ToListAsync());
    }

    [Fact]
    public async Task ReadMore_PostsTheWholeArticle()
    {
        var card = await AskAsync("Wat moet er in een noodpakket?");

        var response = await Bot.PostActivityAsync(Chat().CardAction(_anna, "readMore", new JsonObject { ["articleId"] = Feedback(card)["articleId"]!.GetValue<string>() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var article = CardOf(Connector.SentActivities[^1]);
        var text = TextOf(article);
        Assert.Contains("Bronnen", text, StringComparison.Ordinal);
        Assert.True(article.ToJsonString().Length > CardOf(Connector.SentActivities[0]).ToJsonString().Length / 2);
        // The article ends with the same next questions as the answer card.
        Assert.Equal(
            ExecuteActions(card).Where(a => a!["verb"]!.GetValue<string>() == "ask").Select(a => a!["data"]!["question"]!.GetValue<string>()),
            ExecuteActions(article).Where(a => a!["verb"]!.GetValue<string>() == "ask").Select(a => a!["data"]!["question"]!.GetValue<string>()));
        Assert.Contains("Misschien wilt u ook weten:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAboutTheGesprekstool_OffersToStartASession_AndTheButtonPostsTheSetupCard()
    {
        var card = await AskAsync("Kan Weerbaar ons helpen bij een gesprek met de gesprekstool van de NCTV?");
        var start = Assert.Single(ExecuteActions(card), a => a!["verb"]!.GetValue<string>() == "startSession")!;
        Assert.Equal("Start een sessie", start["title"]!.GetValue<string>());
        Assert.DoesNotContain("werkt nu nog niet", TextOf(card), StringComparison.Ordinal);

        var response = await Bot.PostActivityAsync(Chat().CardAction(_anna, "startSession"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gesprekstool starten", TextOf(CardOf(Connector.SentActivities[^1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAboutAnotherTopic_HasNoSessionButton()
    {
        var card = await AskAsync("Wat moet er in een noodpakket?");

        Assert.DoesNotContain(ExecuteActions(card), a => a!["verb"]!.GetValue<string>() == "startSession");
    }

    [Fact]
    public async Task ReadMore_ListsTheArticlesResources_AsLinksOrWithHowToGetThem()
    {
        var set = RepositoryKnowledge.Load.Set;
        var letter = set.ResourcesById["brief-burgemeesters-2024"];
        var linked = set.ResourcesById["nieuwsbrief-communicatie-weerbaarheid"];
        Assert.Contains(letter.Id, set.ArticlesById["brief-burgemeesters"].ResourceIds);

        var response = await Bot.PostActivityAsync(Chat().CardAction(_anna, "readMore", new JsonObject { ["articleId"] = "brief-burgemeesters" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextOf(CardOf(Connector.SentActivities[^1]));
        Assert.Contains("Hulpmiddelen en links", text, StringComparison.Ordinal);
        Assert.Contains("kenmerk 5982153", text, StringComparison.Ordinal);
        Assert.Contains(letter.Obtain!, text, StringComparison.Ordinal);
        Assert.Contains($"]({linked.Url})", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMore_OnAnArticleWhoseFactsCanChange_SaysHowCurrentItIs_AndWhereToFindTheCurrentState()
    {
        var changing = RepositoryKnowledge.Load.Set.Articles.First(a => a.CurrentStateAt is not null);

        var response = await Bot.PostActivityAsync(Chat().CardAction(_anna, "readMore", new JsonObject { ["articleId"] = changing.Id }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextOf(CardOf(Connector.SentActivities[^1]));
        Assert.Contains($"Stand: {DutchDates.FormatMonth(changing.FactsAsOf)} · gecontroleerd {DutchDates.Format(changing.LastChecked)}", text, StringComparison.Ordinal);
        Assert.Contains("**Actueel:** " + changing.CurrentStateAt, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThumbsUp_ReplacesTheButtonsWithThanks_AndIsStoredOnce_EvenOnADoubleClick()
    {
        var card = await AskAsync("Wat moet er in een noodpakket?");
        var data = Feedback(card);

        var first = await InvokeAsync("helpful", data);
        var second = await InvokeAsync("helpful", data);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
            // The redrawn card still opens with the same answer, its detail in bold.
            Assert.Equal(card["body"]![0]!["text"]!.GetValue<string>(), response["value"]!["body"]![0]!["text"]!.GetValue<string>());
            Assert.Contains("Bedankt voor uw reactie.", TextOf(response["value"]!), StringComparison.Ordinal);
            Assert.DoesNotContain(ExecuteActions(response["value"]!), a => a!["verb"]!.GetValue<string>() == "helpful");
        }

        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.AnswerFeedback.ToListAsync());
        Assert.True(stored.Helpful);
        Assert.Equal("noodpakket", stored.ArticleId);
        Assert.Equal(1, stored.ArticleVersion);
    }

    [Fact]
    public async Task ThumbsUp_RedrawsTheSameAnswer_WithItsDetailStillInBold()
    {
        var card = await AskAsync("Hoe lang mag bestuurlijke ophouding duren?");
        var passage = card["body"]![0]!["text"]!.GetValue<string>();
        Assert.Contains("**", passage, StringComparison.Ordinal);

        var thanked = await InvokeAsync("helpful", Feedback(card));

        Assert.Equal(passage, thanked["value"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThumbsDown_AsksWhatWasMissing_AndStoresTheComment()
    {
        var card = await AskAsync("Wat moet er in een noodpakket?");
        var data = Feedback(card);

        var asked = await InvokeAsync("notHelpful", data);
        Assert.Contains(ConversationTestsCardInputs(asked["value"]!), id => id == "comment");

        var withComment = (JsonObject)data.DeepClone();
        withComment["comment"] = "Ik miste <b>iets</b> over huisdieren";
        var thanked = await InvokeAsync("feedbackComment", withComment);

        Assert.Contains("Bedankt voor uw reactie.", TextOf(thanked["value"]!), StringComparison.Ordinal);
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.AnswerFeedback.ToListAsync());
        Assert.False(stored.Helpful);
        Assert.Equal("Ik miste <b>iets</b> over huisdieren", stored.Comment);
    }

    [Fact]
    public async Task ShortFollowUp_IsReadInTheContextOfThePreviousQuestion()
    {
        await AskAsync("Wat moet er in een noodpakket?");

        var card = await AskAsync("en hoeveel contant geld?");

        Assert.Contains("Ik las uw vraag als vervolg op: Wat moet er in een noodpakket?", TextOf(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamsScope.GroupChat)]
    [InlineData(TeamsScope.Channel)]
    public async Task ShortFollowUpInAGroup_IsReadOnlyWithTheSameMembersPreviousQuestion(TeamsScope scope)
    {
        var group = new TeamsConversation(scope, Connector.ServiceUrl);
        var bram = TeamsUser.Create("Bram");
        await PostAsync(group.Message(_anna, "Wat moet er in een noodpakket?"));

        var bramsAnswer = TextOf(await PostAsync(group.Message(bram, "en hoeveel contant geld?")));
        var annasAnswer = TextOf(await PostAsync(group.Message(_anna, "en hoeveel contant geld?")));

        Assert.DoesNotContain("Ik las uw vraag als vervolg op", bramsAnswer, StringComparison.Ordinal);
        Assert.Contains("Ik las uw vraag als vervolg op: Wat moet er in een noodpakket?", annasAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewUnrelatedQuestionAfterAnAnswer_IsNotReadAsAFollowUp()
    {
        await AskAsync("Wanneer gaan mijn bevoegdheden over naar de voorzitter van de veiligheidsregio?");

        var card = await AskAsync("hoe vraag ik een paspoort aan");

        Assert.Contains("Dat weet ik niet zeker", TextOf(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hallo", "Stel gerust uw vraag")]
    [InlineData("Bedankt!", "Graag gedaan")]
    [InlineData("wat vind jij van de minister van defensie", "Ik geef geen mening")]
    [InlineData("wie ben jij?", "AI-systeem")]
    public async Task SmallTalk_GetsAShortPoliteReply_NotAnAnswerCard(string message, string expected)
    {
        var reply = await PostAsync(Chat().Message(_anna, message));

        Assert.Contains(expected, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(reply["attachments"]?.AsArray() ?? []);
    }

    public static TheoryData<string> BadInput => new()
    {
        "🙂🙂🙂",
        "   ",
        "\"noodpakket\" AND (water* OR ~stroom) : [1 TO 5] ^2 NOT ||",
        "<script>alert('x')</script><b>noodpakket</b>",
        "{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"${x}\"}]}",
        "**noodpakket** _water_ [link](http://evil.example) # kop",
        "what should be in a noodpakket for 72 hours please",
        new string('x', 10_000),
        string.Concat(Enumerable.Repeat("Wat moet er in een noodpakket? ", 400)),
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInput_GetsASensibleReply_NeverAnError(string message)
    {
        var response = await Bot.PostActivityAsync(Chat().Message(_anna, message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.SentActivities);
        var shown = reply["text"]?.GetValue<string>() + string.Join("\n", (reply["attachments"]?.AsArray() ?? []).Select(a => TextOf(a!["content"]!)));
        Assert.DoesNotContain("er ging bij mij iets mis", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenThousandCharacters_AreReadUpToTheLimit_AndTheUserIsTold()
    {
        var reply = await PostAsync(Chat().Message(_anna, string.Concat(Enumerable.Repeat("Wat moet er in een noodpakket? ", 400))));

        Assert.Contains("Ik heb alleen het begin gelezen", TextOf(CardOf(reply)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleFeedbackButton_ForAnArticleThatIsGone_GetsAFriendlyMessage()
    {
        var response = await InvokeAsync("helpful", new JsonObject { ["token"] = "0123456789abcdef", ["articleId"] = "bestaat-niet", ["version"] = 3, ["section"] = 0, ["question"] = "x" });

        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Contains("Dit artikel is niet (meer) beschikbaar.", response["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private TeamsConversation? _chat;

    private TeamsConversation Chat() => _chat ??= new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

    private async Task<JsonObject> AskAsync(string question) => CardOf(await PostAsync(Chat().Message(_anna, question)));

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        var before = Connector.SentActivities.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(Connector.SentActivities.Skip(before));
    }

    private async Task<JsonObject> InvokeAsync(string verb, JsonObject data)
    {
        var response = await Bot.PostActivityAsync(Chat().CardAction(_anna, verb, (JsonObject)data.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Feedback(JsonObject card) =>
        ExecuteActions(card).First(a => a!["verb"]!.GetValue<string>() == "helpful")!["data"]!.AsObject();

    private static IEnumerable<string> ConversationTestsCardInputs(JsonNode card) =>
        Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(o => o["id"]!.GetValue<string>());

    // "[title](address) (publisher)" or "title (publisher) – geen openbare link": the title as the card shows it.
    private static string TitleOf(string sourceLine) =>
        sourceLine.StartsWith('[') ? sourceLine[1..sourceLine.IndexOf("](", StringComparison.Ordinal)] : sourceLine[..sourceLine.LastIndexOf(" (", StringComparison.Ordinal)];

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
