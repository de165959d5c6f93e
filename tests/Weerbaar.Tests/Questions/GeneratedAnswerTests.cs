using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Questions;

/// <summary>
/// Questions answered over real HTTP with a model configured (the Azure OpenAI stand-in): a generated text message
/// with citations, the AI label, the sources and Teams' own feedback buttons; the extractive card with a note when the
/// model fails; and no model call at all when the knowledge does not know.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class GeneratedAnswerTests : IAsyncLifetime
{
    private const string Question = "Wat moet er in een noodpakket?";

    private readonly TeamsUser _anna = TeamsUser.Create("Anna de Vries");
    private ConnectorStandIn _connector = null!;
    private ModelStandIn _model = null!;
    private BotApp _bot = null!;
    private TeamsConversation _chat = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _model = await ModelStandIn.StartAsync();
        _chat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        _bot = new BotApp(_model.Settings(budgetSeconds: 2));
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Question_GetsAGeneratedTextMessage_WithCitationsAILabelSourcesAndFeedbackButtons()
    {
        var sent = await AskAsync(Question);

        Assert.Equal("typing", sent[0]["type"]!.GetValue<string>());
        var answer = sent[^1];
        Assert.Equal("message", answer["type"]!.GetValue<string>());
        Assert.Empty(answer["attachments"]?.AsArray() ?? []);
        var text = answer["text"]!.GetValue<string>();
        Assert.StartsWith(ModelStandIn.CitingReply, text, StringComparison.Ordinal);
        Assert.Contains("**Bronnen**", text, StringComparison.Ordinal);
        Assert.Matches(@"\[[^\]]+\]\(https://[^)]+\)", text);
        Assert.Contains("met AI geschreven", text, StringComparison.Ordinal);
        Assert.Matches(@"Stand: [a-z]+ \d{4} · gecontroleerd \d{1,2} [a-z]+ \d{4}", text);
        Assert.True(answer["channelData"]!["feedbackLoopEnabled"]!.GetValue<bool>());

        var entity = Assert.Single(answer["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "https://schema.org/Message")!;
        Assert.Equal("Message", entity["@type"]!.GetValue<string>());
        Assert.Equal(["AIGeneratedContent"], entity["additionalType"]!.AsArray().Select(t => t!.GetValue<string>()));
        var citation = Assert.Single(entity["citation"]!.AsArray())!;
        Assert.Equal("Claim", citation["@type"]!.GetValue<string>());
        Assert.Equal(1, citation["position"]!.GetValue<int>());
        var appearance = citation["appearance"]!;
        Assert.Equal("DigitalDocument", appearance["@type"]!.GetValue<string>());
        Assert.InRange(appearance["name"]!.GetValue<string>().Length, 1, 80);
        Assert.InRange(appearance["abstract"]!.GetValue<string>().Length, 1, 160);
        Assert.StartsWith("https://", appearance["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelNeverSeesTheUsersIdOrName()
    {
        await AskAsync(Question);

        var body = Assert.Single(_model.Requests).Body.ToJsonString();
        Assert.DoesNotContain(_anna.Id, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_anna.AadObjectId, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsFeedbackOnAGeneratedAnswer_IsStoredForTheArticle_WithTheComment()
    {
        var answer = (await AskAsync(Question))[^1];
        var invoke = _chat.Invoke(_anna, "message/submitAction", new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "dislike", ["feedback"] = "{\"feedbackText\":\"Ik mis de hoeveelheid water.\"}" },
        });
        invoke["replyToId"] = answer["id"]!.GetValue<string>();

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.AnswerFeedback.ToListAsync(TestContext.Current.CancellationToken));
        Assert.False(stored.Helpful);
        Assert.Equal("Ik mis de hoeveelheid water.", stored.Comment);
        Assert.Equal(Question, stored.Question);
        var citedTitle = answer["entities"]![0]!["citation"]![0]!["appearance"]!["name"]!.GetValue<string>();
        Assert.Equal(citedTitle, Knowledge.RepositoryKnowledge.Load.Set.ArticlesById[stored.ArticleId].Title);
        Assert.DoesNotContain(_anna.Id, System.Text.Json.JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsFeedbackOnAGeneratedAnswer_WhoseArticleWasWithdrawnSince_GetsAFriendlySentence_AndStoresNothing()
    {
        var answer = (await AskAsync(Question))[^1];
        var citedTitle = answer["entities"]![0]!["citation"]![0]!["appearance"]!["name"]!.GetValue<string>();
        var cited = Knowledge.RepositoryKnowledge.Load.Set.Articles.Single(a => a.Title == citedTitle).Id;
        var editor = _bot.Services.GetRequiredService<Weerbaar.Core.Knowledge.KnowledgeEditor>();
        var item = await editor.GetAsync(Weerbaar.Core.Knowledge.KnowledgeKind.Article, cited, TestContext.Current.CancellationToken);
        await editor.UnpublishAsync(Weerbaar.Core.Knowledge.KnowledgeKind.Article, cited, new("admin", "Beheerder"), item!.ItemVersion, TestContext.Current.CancellationToken);
        var invoke = _chat.Invoke(_anna, "message/submitAction", new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "Duidelijk" },
        });
        invoke["replyToId"] = answer["id"]!.GetValue<string>();
        var before = _connector.SentActivities.Count;

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.SentActivities.Skip(before));
        Assert.Contains("kan ik uw reactie niet meer opslaan", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.AnswerFeedback.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FeedbackWithoutAMessageId_RatesTheLatestGeneratedAnswer()
    {
        await AskAsync(Question);
        var invoke = _chat.Invoke(_anna, "message/submitAction", new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "Duidelijk" },
        });

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var stored = Assert.Single(await db.AnswerFeedback.ToListAsync(TestContext.Current.CancellationToken));
        Assert.True(stored.Helpful);
        Assert.Equal("Duidelijk", stored.Comment);
    }

    [Fact]
    public async Task TeamsFeedbackOnAnUnknownMessage_GetsAFriendlySentence_AndStoresNothing()
    {
        var invoke = _chat.Invoke(_anna, "message/submitAction", new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = string.Empty },
        });
        invoke["replyToId"] = "activity-that-never-was";

        var response = await _bot.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.SentActivities);
        Assert.Contains("kan ik uw reactie niet meer opslaan", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.AnswerFeedback.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ModelDown_GivesTheExtractiveCard_WithAOneLineNote()
    {
        _model.Default = ModelStep.Fail(HttpStatusCode.InternalServerError);

        var answer = (await AskAsync(Question))[^1];

        var text = TextOf(CardOf(answer));
        Assert.Contains("Een AI-antwoord lukte nu niet.", text, StringComparison.Ordinal);
        Assert.Contains("Wat hoort er in een noodpakket?", text, StringComparison.Ordinal);
        Assert.Matches(@"^\d+ bronnen$", SourcesButton(CardOf(answer))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task RejectedReply_GivesTheExtractiveCard()
    {
        _model.Then(ModelStep.Reply("Kijk op https://phishing.example/noodpakket voor de lijst [1]."));

        var answer = (await AskAsync(Question))[^1];

        Assert.Contains("Een AI-antwoord lukte nu niet.", TextOf(CardOf(answer)), StringComparison.Ordinal);
        Assert.DoesNotContain("phishing", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortFollowUp_ReachesTheModelWithTheQuestionItFollows_AndSaysSo()
    {
        await AskAsync(Question);

        var answer = (await AskAsync("en hoeveel contant geld?"))[^1];

        Assert.Contains("Wat moet er in een noodpakket? en hoeveel contant geld?", _model.Requests[^1].UserMessage, StringComparison.Ordinal);
        Assert.StartsWith("Ik las uw vraag als vervolg op: Wat moet er in een noodpakket?", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortFollowUpInAGroupChat_ReachesTheModelOnlyWithTheSameMembersPreviousQuestion()
    {
        var group = new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl);
        var bram = TeamsUser.Create("Bram Jansen");
        await AskAsync(group, _anna, Question);
        var asked = _model.Requests.Count;

        var bramsAnswer = (await AskAsync(group, bram, "en hoeveel contant geld?"))[^1];
        var bramsPrompts = _model.Requests.Skip(asked).Select(r => r.UserMessage).ToList();
        var annasAnswer = (await AskAsync(group, _anna, "en hoeveel contant geld?"))[^1];

        Assert.DoesNotContain(bramsPrompts, prompt => prompt.Contains(Question, StringComparison.Ordinal));
        Assert.DoesNotContain("Ik las uw vraag als vervolg op", bramsAnswer.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($"{Question} en hoeveel contant geld?", _model.Requests[^1].UserMessage, StringComparison.Ordinal);
        Assert.StartsWith($"Ik las uw vraag als vervolg op: {Question}", annasAnswer["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lees op [deze pagina](//phishing.example/noodpakket) wat er in een noodpakket hoort [1].", "phishing.example")]
    [InlineData("Bel 0900 123 45 67 en wij sturen u een noodpakket voor de hele familie [1].", "123 45 67")]
    [InlineData("Mail naar noodpakket@phishing.example en wij sturen u de hele lijst [1].", "phishing.example")]
    public async Task ReplyWithALinkAddressOrNumberNotInTheSources_GivesTheExtractiveCard_WithoutIt(string reply, string smuggled)
    {
        _model.Then(ModelStep.Reply(reply));

        var answer = (await AskAsync(Question))[^1];

        Assert.Contains("Een AI-antwoord lukte nu niet.", TextOf(CardOf(answer)), StringComparison.Ordinal);
        Assert.DoesNotContain(smuggled, answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionTheKnowledgeDoesNotAnswer_IsNotSentToTheModel()
    {
        var answer = (await AskAsync("Wie wint de Tour de France dit jaar?"))[^1];

        Assert.Contains("Dat weet ik niet zeker", TextOf(CardOf(answer)), StringComparison.Ordinal);
        Assert.Empty(_model.Requests);
    }

    private Task<IReadOnlyList<JsonObject>> AskAsync(string question) => AskAsync(_chat, _anna, question);

    private async Task<IReadOnlyList<JsonObject>> AskAsync(TeamsConversation chat, TeamsUser user, string question)
    {
        var before = _connector.SentActivities.Count;
        var response = await _bot.PostActivityAsync(chat.Message(user, question));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. _connector.SentActivities.Skip(before)];
    }
}
