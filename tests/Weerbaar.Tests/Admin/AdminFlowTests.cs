using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Knowledge;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// Keeping the knowledge current from Teams, over HTTP: an admin (by Entra object id) adds, edits, publishes and rolls
/// back articles in the personal chat; users' next questions follow at once; everyone else is refused at every verb.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class AdminFlowTests : IAsyncLifetime
{
    private const string NewTitle = "Hoe werkt de oefening Zonnebloemdag in onze gemeente?";

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
    public async Task Preview_IsLabelledVoorbeeld_ItsButtonsOnlySaySo_AndPublishingAsksFirst()
    {
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.Edit, EditData("noodpakket"));
        Assert.Contains("Terug naar beheer", ExecuteActions(form).Select(a => a!["title"]!.GetValue<string>()));
        var before = _connector.SentActivities.Count;

        var edited = await PressAsync(_adminChat, _admin, form, AdminVerb.Preview, new JsonObject { ["title"] = "Wat moet er in een noodpakket thuis?" });

        Assert.Contains(AdminTexts.PreviewBelow, TextOf(edited), StringComparison.Ordinal);
        var preview = CardOf(_connector.SentActivities.Skip(before).Single());
        Assert.StartsWith("VOORBEELD\nZo ziet een gebruiker het antwoord. De knoppen werken hier niet.\n", TextOf(preview), StringComparison.Ordinal);
        Assert.Contains("noodpakket thuis", TextOf(preview), StringComparison.Ordinal);
        var buttons = ExecuteActions(preview).Concat(Descendants(preview).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Action.Submit")).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Equal(AdminVerb.PreviewButton, b!["verb"]!.GetValue<string>()));
        var pressed = await InvokeRawAsync(_adminChat, _admin, AdminVerb.PreviewButton, (JsonObject)buttons[0]!["data"]!.DeepClone());
        Assert.Equal(AdminTexts.PreviewButtonPressed, pressed["value"]!.GetValue<string>());
        Assert.Equal(before + 1, _connector.SentActivities.Count);

        // "Publiceren" only opens the question; the button that publishes sits in it.
        var publish = Descendants(edited).OfType<JsonObject>().Single(o => o["type"]?.GetValue<string>() == "Action.ShowCard" && o["title"]?.GetValue<string>() == "Publiceren");
        var confirm = Assert.Single(ExecuteActions(publish["card"]!));
        Assert.Equal(("Ja, publiceren", AdminVerb.Publish), (confirm!["title"]!.GetValue<string>(), confirm["verb"]!.GetValue<string>()));
        Assert.Contains("Weet u het zeker?", TextOf(publish["card"]!.AsObject()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminAddsAnArticle_UsersAreAnsweredFromIt_RollbackRemovesIt_AndTheLogShowsBoth()
    {
        var homeReply = await SendAsync(_adminChat, _admin, "beheer");
        Assert.True(homeReply["attachments"] is JsonArray { Count: 1 }, string.Join("\n", _bot.Logs.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal))));
        var home = CardOf(homeReply);
        Assert.Contains("Beheer van de kennisbank", TextOf(home), StringComparison.Ordinal);

        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.New, new JsonObject { ["verb"] = AdminVerb.New });
        var published = await PressAsync(_adminChat, _admin, form, AdminVerb.Publish, NewArticleInputs());
        Assert.Contains("Gepubliceerd (versie 1)", TextOf(published), StringComparison.Ordinal);

        var answer = CardOf(await SendAsync(_userChat, _other, "Wanneer is de Zonnebloemdag oefening?"));
        Assert.Contains(NewTitle, TextOf(answer), StringComparison.Ordinal);

        var history = await PressAsync(_adminChat, _admin, published, AdminVerb.History);
        var rolledBack = await PressAsync(_adminChat, _admin, history, AdminVerb.Rollback);
        Assert.Contains("Er was geen eerdere versie", TextOf(rolledBack), StringComparison.Ordinal);

        var after = await SendAsync(_userChat, _other, "Wanneer is de Zonnebloemdag oefening?");
        Assert.DoesNotContain(NewTitle, TextOf(after), StringComparison.Ordinal);

        var log = TextOf(CardOf(await SendAsync(_adminChat, _admin, "beheer log")));
        Assert.Contains("**Gepubliceerd**: zonnebloemdag, versie 1", log, StringComparison.Ordinal);
        Assert.Contains("**Teruggedraaid**: zonnebloemdag, versie 1", log, StringComparison.Ordinal);
        Assert.Contains("Bea Beheerder", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminEdit_ChangesTheNextAnswer_AndAnOlderVersionCanBePutBack()
    {
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.Edit, EditData("noodpakket"));
        var inputs = new JsonObject { ["title"] = "Wat stopt u in een noodpakket voor 72 uur?", ["changeSummary"] = "titel korter" };
        var published = await PressAsync(_adminChat, _admin, form, AdminVerb.Publish, inputs);
        Assert.Contains("Gepubliceerd (versie 2)", TextOf(published), StringComparison.Ordinal);
        Assert.Contains("Wat stopt u in een noodpakket voor 72 uur?", TextOf(CardOf(await SendAsync(_userChat, _other, "Wat moet er in een noodpakket?"))), StringComparison.Ordinal);

        var history = await PressAsync(_adminChat, _admin, published, AdminVerb.History);
        Assert.Contains("seedbestanden, ", TextOf(history), StringComparison.Ordinal);
        Assert.DoesNotContain("seed, ", TextOf(history), StringComparison.Ordinal);
        var restored = await PressAsync(_adminChat, _admin, history, AdminVerb.Rollback, which: d => d["number"]?.GetValue<string>() == "1");

        Assert.Contains("Gebruikers krijgen nu versie 3", TextOf(restored), StringComparison.Ordinal);
        Assert.Contains("Wat hoort er in een noodpakket?", TextOf(CardOf(await SendAsync(_userChat, _other, "Wat moet er in een noodpakket?"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithoutRights_IsRefusedForTheCommandAndForEveryVerbPostedDirectly_AndNothingChanges()
    {
        var revision = await RevisionAsync();

        var typed = await SendAsync(_userChat, _other, "beheer");
        Assert.Equal(AdminTexts.NoAccess, typed["text"]!.GetValue<string>());
        foreach (var verb in AdminCommands.All.Select(c => c.Verb))
        {
            var data = EditData("noodpakket");
            data["itemVersion"] = "1";
            data["title"] = "Overgenomen";
            var response = await InvokeRawAsync(_userChat, _other, verb, data);
            Assert.Equal(AdminTexts.NoAccess, response["value"]!.GetValue<string>());
        }

        Assert.Equal(revision, await RevisionAsync());
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.KnowledgeAudit.Where(e => e.ActorId != KnowledgeItemVersion.SeedAuthor).ToListAsync());
    }

    [Fact]
    public async Task AdminInAGroupChat_IsSentToThePersonalChat()
    {
        var group = new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl);

        var reply = await SendAsync(group, _admin, "beheer");

        Assert.Equal(AdminTexts.PersonalOnly, reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoAdminsSaveTheSameArticle_TheSecondGetsAConflict_AndNeitherTextIsLost()
    {
        var second = TeamsUser.Create("Cas Collega");
        await _bot.DisposeAsync();
        _bot = new BotApp(new Dictionary<string, string?>
        {
            ["Admin:UserAadObjectIds:0"] = _admin.AadObjectId,
            ["Admin:UserAadObjectIds:1"] = second.AadObjectId,
        });
        var first = await InvokeAsync(_adminChat, _admin, AdminVerb.Edit, EditData("noodpakket"));
        var secondChat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);
        var other = await InvokeAsync(secondChat, second, AdminVerb.Edit, EditData("noodpakket"));

        var saved = await PressAsync(_adminChat, _admin, first, AdminVerb.Save, new JsonObject { ["summary"] = "Samenvatting van Bea over het noodpakket voor thuis." });
        var conflict = await PressAsync(secondChat, second, other, AdminVerb.Save, new JsonObject { ["summary"] = "Samenvatting van Cas over het noodpakket voor thuis." });

        Assert.Contains("Opgeslagen als concept (versie 2)", TextOf(saved), StringComparison.Ordinal);
        Assert.Contains("Iemand anders heeft dit intussen gewijzigd", TextOf(conflict), StringComparison.Ordinal);
        Assert.Contains("Samenvatting van Cas over het noodpakket voor thuis.", TextOf(conflict), StringComparison.Ordinal);
        var editor = _bot.Services.GetRequiredService<KnowledgeEditor>();
        var item = await editor.GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
        Assert.Contains("Samenvatting van Bea", item!.LatestContent, StringComparison.Ordinal);
        Assert.Equal(2, item.LatestNumber);
    }

    [Fact]
    public async Task PublishingInvalidContent_IsRefusedWithDutchReasons_AndUsersKeepThePublishedVersion()
    {
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.Edit, EditData("noodpakket"));

        var refused = await PressAsync(_adminChat, _admin, form, AdminVerb.Publish, new JsonObject { ["body"] = "Te <script>kort</script>.", ["tags"] = "" });

        var text = TextOf(refused);
        Assert.Contains("Niet gepubliceerd", text, StringComparison.Ordinal);
        Assert.Contains("De tekst moet 120 tot 500 woorden hebben", text, StringComparison.Ordinal);
        Assert.Contains("Trefwoorden", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" must ", text, StringComparison.Ordinal);
        Assert.Contains("Wat hoort er in een noodpakket?", TextOf(CardOf(await SendAsync(_userChat, _other, "Wat moet er in een noodpakket?"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStandThatIsNotAMonth_IsRefusedWithADutchReason_AndNothingIsSaved()
    {
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.Edit, EditData("noodpakket"));
        Assert.Contains(RepositoryKnowledge.Load.Set.ArticlesById["noodpakket"].FactsAsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture), form.ToJsonString(), StringComparison.Ordinal);

        var refused = await PressAsync(_adminChat, _admin, form, AdminVerb.Publish, new JsonObject { ["factsAsOf"] = "maart 2026" });

        var text = TextOf(refused);
        Assert.Contains("Niet opgeslagen", text, StringComparison.Ordinal);
        Assert.Contains("Vul de stand van de feiten in als JJJJ-MM", text, StringComparison.Ordinal);
        var item = await _bot.Services.GetRequiredService<KnowledgeEditor>().GetAsync(KnowledgeKind.Article, "noodpakket", CancellationToken.None);
        Assert.Equal(1, item!.LatestNumber);
    }

    [Fact]
    public async Task FeedbackList_ShowsEachCommentWithItsQuestion_MaskedLikeUnansweredQuestions()
    {
        var answer = CardOf(await SendAsync(_userChat, _other, "Wat moet er in een noodpakket? Mail me op otto@gemeente.nl"));
        var vote = (JsonObject)ExecuteActions(answer).First(a => a!["verb"]!.GetValue<string>() == "notHelpful")!["data"]!.DeepClone();
        await InvokeAsync(_userChat, _other, "notHelpful", vote);
        var comment = (JsonObject)vote.DeepClone();
        comment["comment"] = "Ik mis iets over huisdieren";
        await InvokeAsync(_userChat, _other, "feedbackComment", comment);

        var feedback = TextOf(CardOf(await SendAsync(_adminChat, _admin, "beheer feedback")));

        // The brackets of the mask are escaped so Teams shows them as written, not as a link.
        Assert.Contains("Vraag: “Wat moet er in een noodpakket? Mail me op \\[e-mailadres\\]” → “Ik mis iets over huisdieren”", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain("otto@gemeente.nl", feedback, StringComparison.Ordinal);
        await using var db = _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.DoesNotContain("otto@gemeente.nl", (await db.AnswerFeedback.SingleAsync(TestContext.Current.CancellationToken)).Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_SaysHowManyDraftsWaitInWords()
    {
        var before = TextOf(CardOf(await SendAsync(_adminChat, _admin, "beheer")));
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.New, new JsonObject { ["verb"] = AdminVerb.New });
        await PressAsync(_adminChat, _admin, form, AdminVerb.Save, NewArticleInputs());

        var after = TextOf(CardOf(await SendAsync(_adminChat, _admin, "beheer")));

        Assert.Contains("Er wachten geen concepten op u.", before, StringComparison.Ordinal);
        Assert.Contains("1 concept wacht op u.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnansweredQuestions_AreGroupedByWording_AndBecomeADraftOrGoOutOfScope()
    {
        foreach (var question in new[] { "Hoeveel parkeerplaatsen heeft het zwembad?", "hoeveel parkeerplaatsen heeft het zwembad", "Hoeveel parkeerplaatsen heeft het zwembad precies?", "Wanneer wordt het grofvuil opgehaald?" })
        {
            await SendAsync(_userChat, _other, question);
        }

        var list = CardOf(await SendAsync(_adminChat, _admin, "beheer vragen"));
        Assert.Contains("3× gevraagd", TextOf(list), StringComparison.Ordinal);
        Assert.Contains("Wanneer wordt het grofvuil opgehaald?", TextOf(list), StringComparison.Ordinal);
        Assert.DoesNotContain("Otto", TextOf(list), StringComparison.Ordinal);

        var draft = await PressAsync(_adminChat, _admin, list, AdminVerb.NewFromQuestion, which: d => d["question"]!.GetValue<string>().Contains("parkeerplaatsen", StringComparison.Ordinal));
        Assert.Contains("hoeveel parkeerplaatsen heeft het zwembad", TextOf(draft), StringComparison.OrdinalIgnoreCase);

        var after = await PressAsync(_adminChat, _admin, list, AdminVerb.OutOfScope, which: d => d["normalized"]!.GetValue<string>().Contains("parkeerplaatsen", StringComparison.Ordinal));
        Assert.Contains("3 vragen horen nu niet bij Weerbaar", TextOf(after), StringComparison.Ordinal);
        Assert.DoesNotContain("parkeerplaatsen", TextOf(after), StringComparison.Ordinal);
        Assert.Contains("Wanneer wordt het grofvuil opgehaald?", TextOf(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlAndScriptInAnArticle_ReachUsersAsText_NeverAsMarkup()
    {
        var form = await InvokeAsync(_adminChat, _admin, AdminVerb.New, new JsonObject { ["verb"] = AdminVerb.New });
        var inputs = NewArticleInputs();
        inputs["body"] = "<script>alert(1)</script> <b>Let op</b> &amp; " + inputs["body"]!.GetValue<string>();
        inputs["title"] = "Hoe werkt de <i>oefening</i> Zonnebloemdag in onze gemeente?";
        Assert.Contains("Gepubliceerd (versie 1)", TextOf(await PressAsync(_adminChat, _admin, form, AdminVerb.Publish, inputs)), StringComparison.Ordinal);

        var answer = TextOf(CardOf(await SendAsync(_userChat, _other, "Wanneer is de Zonnebloemdag oefening?")));

        Assert.Contains("\\<script>alert(1)\\</script> \\<b>Let op\\</b> \\&amp;", answer, StringComparison.Ordinal);
        Assert.Contains("Hoe werkt de \\<i>oefening\\</i> Zonnebloemdag", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEditsOneStepOfTheGesprekstool_AndNewSessionsShowTheNewText()
    {
        var whole = await InvokeAsync(_adminChat, _admin, AdminVerb.Blocks, new JsonObject { ["verb"] = AdminVerb.Blocks, ["kind"] = "Scenario" });
        var step = await PressAsync(_adminChat, _admin, whole, AdminVerb.Blocks, new JsonObject { ["part"] = "1" });
        var text = Descendants(step).OfType<JsonObject>().Single(o => o["id"]?.GetValue<string>() == "text")["value"]!.GetValue<string>();
        Assert.Contains("id: opening", text, StringComparison.Ordinal);

        var changed = text.Replace("title: Opening en dreigingsbeeld", "title: Opening en het dreigingsbeeld van nu", StringComparison.Ordinal);
        var published = await PressAsync(_adminChat, _admin, step, AdminVerb.PublishText, new JsonObject { ["text"] = changed });

        Assert.Contains("Gepubliceerd (versie 2)", TextOf(published), StringComparison.Ordinal);
        var scenario = _bot.Services.GetRequiredService<Weerbaar.Core.Search.KnowledgeSearch>().Knowledge.Set.Scenario!;
        Assert.Equal("Opening en het dreigingsbeeld van nu", scenario.Step("opening")!.Title);

        var broken = await PressAsync(_adminChat, _admin, published, AdminVerb.PublishText, new JsonObject { ["text"] = "  - id: opening\n    title: [" });
        Assert.Contains("Niet gepubliceerd", TextOf(broken), StringComparison.Ordinal);
        Assert.Equal("Opening en het dreigingsbeeld van nu", _bot.Services.GetRequiredService<Weerbaar.Core.Search.KnowledgeSearch>().Knowledge.Set.Scenario!.Step("opening")!.Title);
    }

    [Fact]
    public async Task AYamlPartWithDeepNestingOrAnOverlongValue_IsNotPublished_AndTheAdminReadsWhyInDutch()
    {
        var whole = await InvokeAsync(_adminChat, _admin, AdminVerb.Blocks, new JsonObject { ["verb"] = AdminVerb.Blocks, ["kind"] = "ResourceCatalog" });
        var part = await PressAsync(_adminChat, _admin, whole, AdminVerb.Blocks, new JsonObject { ["part"] = "1" });
        var text = Descendants(part).OfType<JsonObject>().Single(o => o["id"]?.GetValue<string>() == "text")["value"]!.GetValue<string>();

        var nested = await PressAsync(_adminChat, _admin, part, AdminVerb.PublishText, new JsonObject
        {
            ["text"] = text.Replace("  kind: video\n", $"  kind: video\n  extra: {new string('[', 5_000)}{new string(']', 5_000)}\n", StringComparison.Ordinal),
        });
        // The refused draft is saved, so the next try is pressed on the card that came back, as an admin would.
        var overlong = await PressAsync(_adminChat, _admin, nested, AdminVerb.PublishText, new JsonObject
        {
            ["text"] = text.Replace("  kind: video\n", $"  kind: video\n  notes: {new string('a', KnowledgeLimits.MaxValueLength + 1)}\n", StringComparison.Ordinal),
        });

        Assert.Contains("Niet gepubliceerd", TextOf(nested), StringComparison.Ordinal);
        Assert.Contains($"Er zitten te veel lijsten of haakjes in elkaar (meer dan {KnowledgeLimits.MaxNestingDepth} lagen).", TextOf(nested), StringComparison.Ordinal);
        Assert.Contains("Niet gepubliceerd", TextOf(overlong), StringComparison.Ordinal);
        Assert.Contains($"Het veld 'notes' is te lang: hoogstens {KnowledgeLimits.MaxValueLength} tekens.", TextOf(overlong), StringComparison.Ordinal);
        Assert.DoesNotContain("technische melding", TextOf(nested) + TextOf(overlong), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Services.GetRequiredService<Weerbaar.Core.Search.KnowledgeSearch>().Knowledge.Set.Resources, r => r.Notes?.Length > KnowledgeLimits.MaxValueLength);
    }

    private static JsonObject EditData(string key) => new() { ["verb"] = AdminVerb.Edit, ["kind"] = "Article", ["item"] = key };

    private static JsonObject NewArticleInputs()
    {
        var body = "De Zonnebloemdag is een oefening die in dit testartikel voorkomt. " + string.Join(' ', Enumerable.Repeat("De gemeente oefent samen met partners wat zij doet als de stroom een dag uitvalt.", 10))
            + "\n\n## Wie doet mee?\n\n" + string.Join(' ', Enumerable.Repeat("Medewerkers van de gemeente en vrijwilligers doen mee aan de oefening.", 4));
        return new JsonObject
        {
            ["articleId"] = "zonnebloemdag",
            ["title"] = NewTitle,
            ["summary"] = "De Zonnebloemdag is een oefening van de gemeente voor een dag zonder stroom.",
            ["body"] = body,
            ["questions"] = "Wanneer is de Zonnebloemdag?\nWat oefenen we op de Zonnebloemdag?\nWie doet mee aan de Zonnebloemdag?",
            ["tags"] = "oefening, zonnebloemdag",
            ["sourceRows"] = "1",
            ["source_0_title"] = "Testbron voor de oefening",
            ["source_0_url"] = "geen",
            ["source_0_publisher"] = "Gemeente Testdorp",
            ["source_0_date"] = "2026",
            ["lastChecked"] = "2026-01-15",
            ["factsAsOf"] = "2026-01",
            ["changeSummary"] = "nieuw artikel",
        };
    }

    private async Task<long> RevisionAsync() => await _bot.Services.GetRequiredService<KnowledgeStore>().GetRevisionAsync(CancellationToken.None);

    private async Task<JsonObject> SendAsync(TeamsConversation chat, TeamsUser user, string text)
    {
        var before = _connector.SentActivities.Count;
        var response = await _bot.PostActivityAsync(chat.Message(user, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _connector.SentActivities.Skip(before).Last();
    }

    // Presses a button of the card, with what the admin typed in its inputs, as Teams sends it: inputs merged into the data.
    private async Task<JsonObject> PressAsync(TeamsConversation chat, TeamsUser user, JsonObject card, string verb, JsonObject? inputs = null, Func<JsonObject, bool>? which = null)
    {
        var action = ExecuteActions(card).First(a => a!["verb"]!.GetValue<string>() == verb && (which?.Invoke(a["data"]!.AsObject()) ?? true))!;
        return await InvokeAsync(chat, user, verb, WithInputs(card, action["data"]!.AsObject(), inputs));
    }

    private async Task<JsonObject> InvokeAsync(TeamsConversation chat, TeamsUser user, string verb, JsonObject data)
    {
        var body = await InvokeRawAsync(chat, user, verb, data);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }

    private async Task<JsonObject> InvokeRawAsync(TeamsConversation chat, TeamsUser user, string verb, JsonObject data)
    {
        var response = await _bot.PostActivityAsync(chat.CardAction(user, verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
