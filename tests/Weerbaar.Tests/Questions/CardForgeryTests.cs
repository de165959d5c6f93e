using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Questions;

/// <summary>
/// Card buttons whose data was forged or outlived the article: "Lees meer", the redraw after 👍/👎 and the follow-up
/// buttons never show an article that is a draft, withdrawn or unknown, and a vote counts only on a card the bot sent
/// for an article that exists. The background refresh is slowed to an hour, so a withdrawal written to the database
/// directly is what another instance did a moment ago.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class CardForgeryTests : IAsyncLifetime
{
    private const string NotAvailable = "Dit artikel is niet (meer) beschikbaar.";
    private const string CannotStore = "Bij dit antwoord kan ik uw reactie niet meer opslaan.";
    private const string DraftId = "concept-zonnepanelen";
    private const string DraftTitle = "Mogen er zonnepanelen op het dak van het gemeentehuis?";
    private const string DraftSentence = "Dit conceptartikel mag niemand zien.";

    private static readonly KnowledgeActor Admin = new("admin-object-id", "Beheerder");

    private readonly TeamsUser _anna = TeamsUser.Create("Anna");
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;
    private TeamsConversation _chat = null!;
    private int _sentBefore;

    public enum ArticleState
    {
        Draft,
        Withdrawn,
        Unknown,
    }

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _bot = new BotApp(new Dictionary<string, string?> { ["Knowledge:RefreshSeconds"] = "3600" });
        _chat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Withdrawn)]
    [InlineData(ArticleState.Unknown)]
    public async Task ReadMore_OnAnArticleThatIsNotPublished_SaysItIsNotAvailable_AndShowsNothingElse(ArticleState state)
    {
        var (articleId, _, _) = await ArrangeAsync(state);

        var response = await InvokeAsync("readMore", new JsonObject { ["articleId"] = articleId, ["version"] = 1 });

        AssertRefused(response, NotAvailable);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Withdrawn)]
    [InlineData(ArticleState.Unknown)]
    public async Task FeedbackRedraw_OnAnArticleThatIsNotPublished_SaysItIsNotAvailable_AndStoresNothing(ArticleState state)
    {
        var (_, _, feedbackData) = await ArrangeAsync(state);

        var response = await InvokeAsync("helpful", feedbackData);

        AssertRefused(response, NotAvailable);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(ArticleState.Draft)]
    [InlineData(ArticleState.Withdrawn)]
    [InlineData(ArticleState.Unknown)]
    public async Task FollowUpButton_ForAnArticleThatIsNotPublished_SaysItIsNotAvailable_AndShowsNothingElse(ArticleState state)
    {
        var (articleId, title, _) = await ArrangeAsync(state);

        var response = await InvokeAsync("ask", new JsonObject { ["question"] = title, ["articleId"] = articleId });

        AssertRefused(response, NotAvailable);
    }

    [Fact]
    public async Task FollowUpButtonWithoutArticleId_ForAWithdrawnArticle_NeverAnswersFromIt()
    {
        await ArrangeAsync(ArticleState.Withdrawn);
        var before = _connector.SentActivities.Count;

        await InvokeAsync("ask", new JsonObject { ["question"] = "Wat hoort er in een noodpakket?" });

        var reply = Assert.Single(_connector.SentActivities.Skip(before));
        Assert.DoesNotContain("\"articleId\":\"noodpakket\"", CardOf(reply).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMoreAsAMessageBack_OnAWithdrawnArticle_SaysItIsNotAvailable()
    {
        await ArrangeAsync(ArticleState.Withdrawn);
        var before = _connector.SentActivities.Count;

        var response = await _bot.PostActivityAsync(_chat.Submit(_anna, new JsonObject { ["verb"] = "readMore", ["articleId"] = "noodpakket" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.SentActivities.Skip(before));
        Assert.Contains(NotAvailable, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(reply["attachments"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task ReadMore_NamingTheNumberOfADraftVersion_ShowsOnlyThePublishedText()
    {
        var editor = _bot.Services.GetRequiredService<KnowledgeEditor>();
        var item = await editor.GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
        var draft = item!.LatestContent.Replace("In een noodpakket zit wat", DraftSentence + " In een noodpakket zit wat", StringComparison.Ordinal);
        Assert.Equal(EditResult.Saved, (await editor.SaveDraftAsync(KnowledgeKind.Article, "noodpakket", draft, Admin, "concept", item.ItemVersion, CancellationToken.None)).Result);
        var before = _connector.SentActivities.Count;

        await InvokeAsync("readMore", new JsonObject { ["articleId"] = "noodpakket", ["version"] = 2 });

        var text = string.Concat(_connector.SentActivities.Skip(before).Select(a => TextOf(CardOf(a))));
        Assert.Contains("liter", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DraftSentence, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VoteOnARealCard_Counts()
    {
        var data = Feedback(await AskAsync("Wat moet er in een noodpakket?"));

        var response = await InvokeAsync("notHelpful", data);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        var votes = await _bot.Services.GetRequiredService<Weerbaar.Core.Feedback.FeedbackStore>().PerArticleAsync(_chat.TenantId, 3, CancellationToken.None);
        var noodpakket = Assert.Single(votes);
        Assert.Equal(("noodpakket", 0, 1), (noodpakket.ArticleId, noodpakket.Helpful, noodpakket.NotHelpful));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("articleId")]
    [InlineData("version")]
    [InlineData("signature")]
    public async Task VoteWithAlteredCardData_IsRefused_AndStoresNothing(string field)
    {
        var data = Feedback(await AskAsync("Wat moet er in een noodpakket?"));
        switch (field)
        {
            case "token":
                data["token"] = "0123456789abcdef";
                break;
            case "articleId":
                data["articleId"] = "brief-burgemeesters";
                break;
            case "version":
                data["version"] = data["version"]!.GetValue<int>() + 1;
                break;
            default:
                data.Remove("signature");
                break;
        }

        var response = await InvokeAsync("helpful", data);

        AssertRefused(response, CannotStore);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CommentWithTheTokenOfARealVote_ButAlteredData_IsNotStored()
    {
        var data = Feedback(await AskAsync("Wat moet er in een noodpakket?"));
        await InvokeAsync("notHelpful", data);
        var forged = (JsonObject)data.DeepClone();
        forged["articleId"] = "brief-burgemeesters";
        forged["comment"] = "Geplakt op de stem van een ander";

        var response = await InvokeAsync("feedbackComment", forged);

        AssertRefused(response, CannotStore);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        var vote = Assert.Single(await db.AnswerFeedback.ToListAsync());
        Assert.Null(vote.Comment);
    }

    [Fact]
    public async Task TwoHostsOnOneDatabase_AcceptEachOthersCards()
    {
        await AskAsync("Wat moet er in een noodpakket?");
        await using var second = new BotApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Weerbaar"] = $"Data Source={_bot.DatabasePath}",
            ["Knowledge:ImportSeedOnStart"] = "false",
        });
        var fromFirst = Feedback(await AskAsync("Wat moet er in een noodpakket?"));
        var fromSecond = Feedback(CardOf(await PostAsync(second, _chat.Message(_anna, "Wat moet er in een noodpakket?"))));

        var onSecond = await InvokeAsync(second, "helpful", fromFirst);
        var onFirst = await InvokeAsync(_bot, "notHelpful", fromSecond);

        Assert.Equal("application/vnd.microsoft.card.adaptive", onSecond["type"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", onFirst["type"]!.GetValue<string>());
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Equal([false, true], (await db.AnswerFeedback.ToListAsync()).Select(v => v.Helpful).Order());
    }

    // The article id, the title its follow-up button would ask, and the data of a 👍/👎 button for it: a real card's
    // for the withdrawn article (it was published when the card was sent), forged ones for the others.
    private async Task<(string ArticleId, string Title, JsonObject FeedbackData)> ArrangeAsync(ArticleState state)
    {
        var editor = _bot.Services.GetRequiredService<KnowledgeEditor>();
        switch (state)
        {
            case ArticleState.Withdrawn:
                var card = await AskAsync("Wat moet er in een noodpakket?");
                var item = await editor.GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
                Assert.Equal(EditResult.Unpublished, (await editor.UnpublishAsync(KnowledgeKind.Article, "noodpakket", Admin, item!.ItemVersion, CancellationToken.None)).Result);
                return ("noodpakket", "Wat hoort er in een noodpakket?", Feedback(card));
            case ArticleState.Draft:
                var seed = await editor.GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
                var content = seed!.LatestContent
                    .Replace("id: noodpakket", $"id: {DraftId}", StringComparison.Ordinal)
                    .Replace("title: Wat hoort er in een noodpakket?", $"title: {DraftTitle}", StringComparison.Ordinal)
                    .Replace("In een noodpakket zit wat", DraftSentence + " In een noodpakket zit wat", StringComparison.Ordinal);
                Assert.Equal(EditResult.Saved, (await editor.SaveDraftAsync(KnowledgeKind.Article, DraftId, content, Admin, "concept", null, CancellationToken.None)).Result);
                return (DraftId, DraftTitle, ForgedFeedback(DraftId));
            default:
                return ("bestaat-niet", "Bestaat dit artikel?", ForgedFeedback("bestaat-niet"));
        }
    }

    private static JsonObject ForgedFeedback(string articleId) =>
        new() { ["token"] = "0123456789abcdef", ["articleId"] = articleId, ["version"] = 1, ["section"] = 0, ["question"] = "x" };

    // Refused: one friendly sentence beside the pressed card, nothing posted in the chat, no card drawn.
    private void AssertRefused(JsonObject response, string expected)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", response["type"]!.GetValue<string>());
        Assert.Contains(expected, response["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(DraftSentence, response.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(_sentBefore, _connector.SentActivities.Count);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.AnswerFeedback.ToListAsync());
    }

    private async Task<JsonObject> AskAsync(string question) => CardOf(await PostAsync(_bot, _chat.Message(_anna, question)));

    private async Task<JsonObject> PostAsync(BotApp bot, JsonObject activity)
    {
        var before = _connector.SentActivities.Count;
        var response = await bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(_connector.SentActivities.Skip(before));
    }

    private Task<JsonObject> InvokeAsync(string verb, JsonObject data) => InvokeAsync(_bot, verb, data);

    private async Task<JsonObject> InvokeAsync(BotApp bot, string verb, JsonObject data)
    {
        _sentBefore = _connector.SentActivities.Count;
        var response = await bot.PostActivityAsync(_chat.CardAction(_anna, verb, (JsonObject)data.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonObject Feedback(JsonObject card) =>
        (JsonObject)ExecuteActions(card).First(a => a!["verb"]!.GetValue<string>() == "helpful")!["data"]!.DeepClone();
}
