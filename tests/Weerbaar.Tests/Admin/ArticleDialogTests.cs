using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// The article editor as a Teams dialog, over HTTP as Teams sends it: "Bewerken" on the article card opens it
/// (task/fetch), each of its buttons comes back as a task/submit with the form's inputs merged in.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class ArticleDialogTests : IAsyncLifetime
{
    private const string NewTitle = "Wat stopt u thuis in een noodpakket voor 72 uur?";
    private const string UserQuestion = "Wat moet er in een noodpakket?";

    private readonly TeamsUser _admin = TeamsUser.Create("Bea Beheerder");
    private readonly TeamsUser _other = TeamsUser.Create("Otto Ambtenaar");
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;
    private TeamsConversation _adminChat = null!;
    private TeamsConversation _userChat = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _bot = new BotApp(new Dictionary<string, string?> { ["Admin:UserAadObjectIds:0"] = _admin.AadObjectId });
        _adminChat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        _userChat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task AdminEditsPreviewsAndPublishesInTheDialog_AndTheNextAnswerChanges()
    {
        var dialog = await OpenAsync(_admin);
        Assert.Equal(("Artikel bewerken: noodpakket", "large"), (dialog["title"]!.GetValue<string>(), dialog["height"]!.GetValue<string>()));
        var form = dialog["card"]!["content"]!.AsObject();
        Assert.Equal("Wat hoort er in een noodpakket?", Input(form, "title")["value"]!.GetValue<string>());
        Assert.Contains("Terug naar beheer", Buttons(form).Select(b => b["title"]!.GetValue<string>()));
        var sourceRows = SourceTitles(form);
        Assert.NotEmpty(sourceRows);

        // The preview: labelled, above the form, what was typed kept; its buttons only say that it is a preview.
        var posted = _connector.SentActivities.Count;
        var previewed = Card(await SubmitAsync(_admin, form, "preview", new JsonObject { ["title"] = NewTitle, ["changeSummary"] = "titel verduidelijkt" }));
        Assert.Contains($"{AdminTexts.PreviewAbove}\nVOORBEELD\nZo ziet een gebruiker het antwoord. De knoppen werken hier niet.\n", TextOf(previewed), StringComparison.Ordinal);
        Assert.Contains(NewTitle, TextOf(Descendants(previewed).OfType<JsonObject>().Single(o => o["id"]?.GetValue<string>() == "preview")), StringComparison.Ordinal);
        Assert.Equal(NewTitle, Input(previewed, "title")["value"]!.GetValue<string>());
        Assert.Equal("titel verduidelijkt", Input(previewed, "changeSummary")["value"]!.GetValue<string>());
        var previewButtons = Buttons(previewed).Where(b => b["data"]?["move"]?.GetValue<string>() == ArticleDialog.PreviewButtonMove).ToList();
        Assert.NotEmpty(previewButtons);
        Assert.DoesNotContain(Descendants(previewed).OfType<JsonObject>(), o => o["type"]?.GetValue<string>() == "Action.Execute");
        var pressed = Card(await SubmitAsync(_admin, previewed, ArticleDialog.PreviewButtonMove));
        Assert.Contains(AdminTexts.PreviewButtonPressed, TextOf(pressed), StringComparison.Ordinal);
        Assert.Equal(NewTitle, Input(pressed, "title")["value"]!.GetValue<string>());
        Assert.Equal(posted, _connector.SentActivities.Count);
        Assert.Contains("Wat hoort er in een noodpakket?", TextOf(CardOf(await SendAsync(_userChat, _other, UserQuestion))), StringComparison.Ordinal);

        // "Publiceren" only asks; "Ja, publiceren" publishes, closes the dialog and posts the article card.
        var ask = Descendants(pressed).OfType<JsonObject>().Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Publiceren");
        Assert.Contains("Weet u het zeker?", TextOf(ask["card"]!), StringComparison.Ordinal);
        Assert.Equal("Ja, publiceren", Assert.Single(Buttons(ask["card"]!))["title"]!.GetValue<string>());
        var before = _connector.SentActivities.Count;
        var closed = await SubmitAsync(_admin, pressed, "publish");
        Assert.True(closed["task"] is null, closed.ToJsonString()[..Math.Min(3000, closed.ToJsonString().Length)]);
        var articleCard = CardOf(_connector.SentActivities.Skip(before).Single());
        Assert.Contains("Gepubliceerd (versie 2). Vragen krijgen vanaf nu dit antwoord.", TextOf(articleCard), StringComparison.Ordinal);

        Assert.Contains(NewTitle, TextOf(CardOf(await SendAsync(_userChat, _other, UserQuestion))), StringComparison.Ordinal);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.AnswerFeedback.CountAsync());
    }

    [Fact]
    public async Task ABadPublish_IsRefused_WithEachReasonAtItsField_AndNothingChanges()
    {
        var form = Card(await OpenAsync(_admin));

        var refused = Card(await SubmitAsync(_admin, form, "publish", new JsonObject { ["title"] = "Wat?", ["source_0_url"] = "www.zonder-schema.nl" }));

        var text = TextOf(refused);
        Assert.Contains("Niet gepubliceerd. Uw tekst is bewaard als concept", text, StringComparison.Ordinal);
        Assert.Contains("De redenen staan in rood bij de velden.", text, StringComparison.Ordinal);
        Assert.StartsWith("Titel moet", ReasonAfter(refused, "title"), StringComparison.Ordinal);
        Assert.StartsWith("Een adres van een bron begint met http://", ReasonAfter(refused, SourceBlockEnd(refused)), StringComparison.Ordinal);
        Assert.Equal("Wat?", Input(refused, "title")["value"]!.GetValue<string>());
        Assert.Contains("Wat hoort er in een noodpakket?", TextOf(CardOf(await SendAsync(_userChat, _other, UserQuestion))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesAreRows_ToAddAndRemove_AndSavingKeepsThem()
    {
        var form = Card(await OpenAsync(_admin));
        var titles = SourceTitles(form);

        var added = Card(await SubmitAsync(_admin, form, "addSource"));
        Assert.Equal([.. titles, string.Empty], SourceTitles(added));
        var filled = new JsonObject
        {
            [$"source_{titles.Count}_title"] = "Denk vooruit",
            [$"source_{titles.Count}_url"] = "geen",
            [$"source_{titles.Count}_publisher"] = "Rijksoverheid",
            [$"source_{titles.Count}_date"] = "2025",
        };
        var removeFirst = Buttons(added).First(b => b["data"]?["move"]?.GetValue<string>() == "removeSource");
        Assert.Equal("Deze bron weghalen", removeFirst["title"]!.GetValue<string>());
        var removed = Card(await SubmitAsync(_admin, added, "removeSource", filled, which: b => b["data"]?["row"]?.GetValue<string>() == "0"));
        Assert.Equal([.. titles.Skip(1), "Denk vooruit"], SourceTitles(removed));

        var saved = Card(await SubmitAsync(_admin, removed, "save", new JsonObject { ["changeSummary"] = "bron vervangen" }));
        Assert.Contains("Opgeslagen als concept (versie 2)", TextOf(saved), StringComparison.Ordinal);
        var reopened = Card(await OpenAsync(_admin));
        Assert.Equal([.. titles.Skip(1), "Denk vooruit"], SourceTitles(reopened));
        Assert.Equal("geen", Input(reopened, $"source_{titles.Count - 1}_url")["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SomeoneWithoutRights_GetsNoAccess_ForTheForgedDialog_AndNothingChanges()
    {
        var form = Card(await OpenAsync(_admin));
        var revision = await RevisionAsync();
        var before = _connector.SentActivities.Count;

        var fetched = await PostDialogAsync(_userChat.DialogFetch(_other, OpenData()));
        Assert.Equal(("message", AdminTexts.NoAccess), (fetched["task"]!["type"]!.GetValue<string>(), fetched["task"]!["value"]!.GetValue<string>()));
        foreach (var move in (string[])["publish", "save", "preview", "home", "addSource"])
        {
            var submitted = await SubmitAsync(_other, form, move, new JsonObject { ["title"] = "Overgenomen door iemand anders" }, chat: _userChat);
            Assert.Equal(AdminTexts.NoAccess, submitted["task"]!["value"]!.GetValue<string>());
        }

        var inGroup = await PostDialogAsync(new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl).DialogFetch(_admin, OpenData()));
        Assert.Equal(AdminTexts.PersonalOnly, inGroup["task"]!["value"]!.GetValue<string>());
        Assert.Equal(revision, await RevisionAsync());
        Assert.Equal(before, _connector.SentActivities.Count);
    }

    [Fact]
    public async Task AChangeMadeMeanwhile_IsNotOverwritten_AndTheTypedTextStays()
    {
        var first = Card(await OpenAsync(_admin));
        var second = Card(await OpenAsync(_admin));
        Card(await SubmitAsync(_admin, second, "save", new JsonObject { ["summary"] = "Een andere samenvatting van iemand anders, eerder opgeslagen." }));

        var late = Card(await SubmitAsync(_admin, first, "publish", new JsonObject { ["title"] = NewTitle }));

        Assert.Contains(AdminTexts.Conflict, TextOf(late), StringComparison.Ordinal);
        Assert.Equal(NewTitle, Input(late, "title")["value"]!.GetValue<string>());
        Assert.DoesNotContain(NewTitle, TextOf(CardOf(await SendAsync(_userChat, _other, UserQuestion))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerugNaarBeheer_ClosesTheDialog_AndPostsTheAdminHome()
    {
        var form = Card(await OpenAsync(_admin));
        var before = _connector.SentActivities.Count;

        var closed = await SubmitAsync(_admin, form, "home");

        Assert.Null(closed["task"]);
        Assert.Contains("Beheer van de kennisbank", TextOf(CardOf(_connector.SentActivities.Skip(before).Single())), StringComparison.Ordinal);
    }

    // Presses "Bewerken" on the article card in the chat, as Teams does: a task/fetch with the button's data.
    private async Task<JsonObject> OpenAsync(TeamsUser user)
    {
        var body = await PostDialogAsync(_adminChat.DialogFetch(user, OpenData()));
        Assert.Equal("continue", body["task"]!["type"]!.GetValue<string>());
        return body["task"]!["value"]!.AsObject();
    }

    // The data of the article card's "Bewerken" button, taken from the card the admin gets for the article.
    private JsonObject OpenData()
    {
        var card = CardAttachmentOf(_bot.Services.GetRequiredService<AdminCards>().Article(
            new ArticleEditorState(ArticleDraft.New("noodpakket", string.Empty, default), null, IsNew: false, ItemVersion: null, AdminMessage.None)));
        var button = Descendants(card).OfType<JsonObject>().Single(o => o["type"]?.GetValue<string>() == "Action.Submit" && o["title"]?.GetValue<string>() == "Bewerken");
        return (JsonObject)button["data"]!.DeepClone();
    }

    // A button of the dialog card with every input's value merged in, as Teams sends a dialog's submit.
    private async Task<JsonObject> SubmitAsync(TeamsUser user, JsonObject card, string move, JsonObject? inputs = null, Func<JsonObject, bool>? which = null, TeamsConversation? chat = null)
    {
        var button = Buttons(card).First(b => b["data"]?["move"]?.GetValue<string>() == move && (which?.Invoke(b) ?? true));
        return await PostDialogAsync((chat ?? _adminChat).DialogSubmit(user, WithInputs(card, button["data"]!.AsObject(), inputs)));
    }

    private async Task<JsonObject> SendAsync(TeamsConversation chat, TeamsUser user, string text)
    {
        var before = _connector.SentActivities.Count;
        var response = await _bot.PostActivityAsync(chat.Message(user, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _connector.SentActivities.Skip(before).Last();
    }

    private async Task<JsonObject> PostDialogAsync(JsonObject activity)
    {
        using var response = await _bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<long> RevisionAsync() => await _bot.Services.GetRequiredService<KnowledgeStore>().GetRevisionAsync(CancellationToken.None);

    private static JsonObject Card(JsonObject dialogOrBody) =>
        (dialogOrBody["task"]?["value"] ?? dialogOrBody)["card"]!["content"]!.AsObject();

    private static JsonObject CardAttachmentOf(Microsoft.Bot.Schema.Attachment attachment) =>
        JsonNode.Parse(((Newtonsoft.Json.Linq.JObject)attachment.Content).ToString())!.AsObject();

    private static List<JsonObject> Buttons(JsonNode card) =>
        [.. Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Action.Submit")];

    private static JsonObject Input(JsonNode card, string id) =>
        Descendants(card).OfType<JsonObject>().Single(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"]?.GetValue<string>() == id);

    private static List<string> SourceTitles(JsonNode card) =>
        [.. Descendants(card).OfType<JsonObject>()
            .Where(o => o["id"]?.GetValue<string>() is string id && id.StartsWith("source_", StringComparison.Ordinal) && id.EndsWith("_title", StringComparison.Ordinal))
            .Select(o => o["value"]?.GetValue<string>() ?? string.Empty)];

    // The id of the last input of the last source row: the sources' reason stands after that row.
    private static string SourceBlockEnd(JsonNode card) =>
        Descendants(card).OfType<JsonObject>().Last(o => o["id"]?.GetValue<string>() is string id && id.StartsWith("source_", StringComparison.Ordinal) && id.EndsWith("_date", StringComparison.Ordinal))["id"]!.GetValue<string>();

    // The first red text after the input <paramref name="id"/> in reading order: the reason shown at that field.
    private static string ReasonAfter(JsonNode card, string id)
    {
        var elements = Descendants(card).OfType<JsonObject>().ToList();
        var at = elements.FindIndex(o => o["id"]?.GetValue<string>() == id);
        Assert.True(at >= 0, $"no input {id}");
        var reason = elements.Skip(at + 1).First(o => o["type"]?.GetValue<string>() == "TextBlock" && o["color"]?.GetValue<string>() == "Attention"
            || o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true && o["id"]?.GetValue<string>() is string next && !next.StartsWith("source_", StringComparison.Ordinal));
        Assert.Equal("TextBlock", reason["type"]!.GetValue<string>());
        return reason["text"]!.GetValue<string>();
    }
}
