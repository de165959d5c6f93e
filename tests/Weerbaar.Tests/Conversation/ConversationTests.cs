using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Conversation;

/// <summary>What users see in Teams, driven over real HTTP: activities in, replies recorded by the connector stand-in.</summary>
public sealed class ConversationTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    [Fact]
    public async Task InstallInPersonalChat_SendsOneWelcomeCard_EvenWhenTeamsSendsSeveralEvents()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var anna = TeamsUser.Create("Anna");

        await PostOkAsync(chat.InstallationAdded(anna));
        await PostOkAsync(chat.BotAdded(anna));
        await PostOkAsync(chat.BotAdded(anna));

        var welcome = Assert.Single(Connector.SentActivities);
        Assert.Equal("Welkom bij Weerbaar", welcome["summary"]?.GetValue<string>());
        var card = CardOf(welcome);
        var text = TextOf(card);
        Assert.Contains("Welkom bij Weerbaar", text, StringComparison.Ordinal);
        Assert.Contains("AI-systeem", text, StringComparison.Ordinal);
        Assert.Contains("Privacy", text, StringComparison.Ordinal);
        Assert.Contains("Stel uw vraag hieronder in de chat", text, StringComparison.Ordinal);
        Assert.Equal(["Help", "Start gesprekstool"], ActionTitles(card));
        Assert.Equal(3, ExecuteActions(card).Count(a => a?["verb"]?.GetValue<string>() == "ask"));
    }

    [Fact]
    public async Task BotAddedToGroupChat_WelcomeExplainsTheMention()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);

        await PostOkAsync(chat.BotAdded(TeamsUser.Create("Bram")));

        var text = TextOf(CardOf(Assert.Single(Connector.SentActivities)));
        Assert.Contains("@-vermelding", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hieronder in de chat", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColleagueJoiningTheGroupChat_GetsNoSecondWelcome_AndNoRosterLookup()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);
        var bram = TeamsUser.Create("Bram");
        await PostOkAsync(chat.BotAdded(bram));

        await PostOkAsync(chat.MemberAdded(bram, TeamsUser.Create("Cor")));

        Assert.Single(Connector.SentActivities);
        Assert.DoesNotContain(Connector.Calls, c => c.Kind == ConnectorCallKind.GetMember);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("hulp")]
    [InlineData("?")]
    [InlineData("/help")]
    [InlineData("  Help  ")]
    public async Task HelpWords_InPersonalChat_GetTheHelpCard(string typed)
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        await PostOkAsync(chat.Message(TeamsUser.Create("Anna"), typed));

        var text = TextOf(CardOf(Assert.Single(Connector.SentActivities)));
        Assert.Contains("Wat kunt u mij vragen?", text, StringComparison.Ordinal);
        Assert.Contains("In een groepschat of kanaal", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamsScope.GroupChat)]
    [InlineData(TeamsScope.Channel)]
    public async Task MentionInGroupScopes_IsRemovedBeforeTheTextIsRead(TeamsScope scope)
    {
        var chat = new TeamsConversation(scope, Connector.ServiceUrl);

        await PostOkAsync(chat.Message(TeamsUser.Create("Dirk"), "help"));

        var sent = Assert.Single(Connector.SentActivities);
        Assert.Contains("Wat kunt u mij vragen?", TextOf(CardOf(sent)), StringComparison.Ordinal);
        Assert.Equal(chat.Id, sent["conversation"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task MentionWithoutText_AsksForAQuestion()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);

        await PostOkAsync(chat.Message(TeamsUser.Create("Eva"), string.Empty));

        Assert.Contains("Ik zie geen vraag", Assert.Single(Connector.SentActivities)["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpButton_AnswersTheInvokeWith200_AndPostsTheHelpCard()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.CardAction(TeamsUser.Create("Anna"), "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("Wat kunt u mij vragen?", TextOf(CardOf(Assert.Single(Connector.SentActivities))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionFromAButton_IsEchoedWithItsMarkdownShownLiterally()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        await Bot.PostActivityAsync(chat.CardAction(TeamsUser.Create("Anna"), "ask", new JsonObject { ["question"] = "**vet** [klik](https://example.org)" }));

        var reply = Assert.Single(Connector.SentActivities);
        var echoed = reply["text"]?.GetValue<string>() ?? TextOf(CardOf(reply));
        Assert.Contains("U vroeg: \\*\\*vet\\*\\* \\[klik\\](https://example.org)", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartSessionButton_PostsTheSetupCard()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.CardAction(TeamsUser.Create("Anna"), "startSession"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextOf(CardOf(Assert.Single(Connector.SentActivities)));
        Assert.Contains("Gesprekstool starten", text, StringComparison.Ordinal);
        Assert.Contains("NCTV", text, StringComparison.Ordinal);
        // Only the facilitator's setup card carries the preparation: how to get the video, and the anonymous tip (its
        // first sentence in sight, the rest under "Lees meer").
        var preparation = Core.Language.FoldedText.Of(Knowledge.RepositoryKnowledge.Load.Set.Scenario!.Preparation);
        Assert.Contains(preparation.Lead, text, StringComparison.Ordinal);
        Assert.Contains(preparation.Rest, text, StringComparison.Ordinal);
        Assert.Contains("wachtwoord", preparation.Lead + preparation.Rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deleteEverything")]
    [InlineData("ask")]
    [InlineData("")]
    public async Task UnknownOrIncompleteCardVerb_Gets200WithAShortDutchMessage(string verb)
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.CardAction(TeamsUser.Create("Anna"), verb));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Contains("Deze knop werkt niet meer", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Connector.SentActivities);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{\"action\":{\"type\":\"Action.Submit\",\"verb\":\"help\"}}")]
    [InlineData("{\"action\":{\"type\":\"Action.Execute\",\"verb\":42}}")]
    public async Task MalformedCardActionValue_Gets200WithADutchMessage(string value)
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.Invoke(TeamsUser.Create("Anna"), "adaptiveCard/action", JsonNode.Parse(value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze actie begrijp ik niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.SentActivities);
    }

    [Fact]
    public async Task InvokeKindTheBotDoesNotSupport_Gets501()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.Invoke(TeamsUser.Create("Anna"), "composeExtension/fetchTask", new JsonObject()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task SubmitWithAKnownVerb_IsCarriedOutLikeTheButton()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        await PostOkAsync(chat.Submit(TeamsUser.Create("Anna"), new JsonObject { ["verb"] = "help" }));

        Assert.Contains("Wat kunt u mij vragen?", TextOf(CardOf(Assert.Single(Connector.SentActivities))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWithAnUnknownVerb_GetsTheStaleCardMessage()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        await PostOkAsync(chat.Submit(TeamsUser.Create("Anna"), new JsonObject { ["verb"] = "oldVerb" }));

        Assert.Contains("Deze knop werkt niet meer", Assert.Single(Connector.SentActivities)["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureDuringATurn_TellsTheUserInDutchWithACode_AndNoExceptionText()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.FailNext(1, HttpStatusCode.InternalServerError);

        var response = await Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(Connector.SentActivities)["text"]!.GetValue<string>();
        Assert.Contains("er ging bij mij iets mis", apology, StringComparison.Ordinal);
        Assert.Contains("niet verloren", apology, StringComparison.Ordinal);
        Assert.Matches("code .*: [0-9a-f]{8}\\.", apology);
        Assert.DoesNotContain("Exception", apology, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureDuringACardAction_AnswersTheInvokeWithTheDutchApology()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        Connector.FailNext(1, HttpStatusCode.InternalServerError);

        var response = await Bot.PostActivityAsync(chat.CardAction(TeamsUser.Create("Anna"), "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("er ging bij mij iets mis", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleQuestionButton_AnswersThatQuestion_AndNamesIt()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);

        var response = await Bot.PostActivityAsync(chat.CardAction(
            TeamsUser.Create("Anna"), "ask", new JsonObject { ["question"] = "Wat moet er in een noodpakket?" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = TextOf(CardOf(Assert.Single(Connector.SentActivities)));
        Assert.Contains("U vroeg: Wat moet er in een noodpakket?", text, StringComparison.Ordinal);
        Assert.Contains("liter", text, StringComparison.Ordinal);
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static JsonObject CardOf(JsonObject activity)
    {
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        return attachment["content"]!.AsObject();
    }

    /// <summary>All text a user can read on a card, in document order.</summary>
    internal static string TextOf(JsonNode card) => string.Join(
        "\n",
        Descendants(card).OfType<JsonObject>()
            .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
            .OfType<JsonValue>()
            .Where(v => v.TryGetValue<string>(out _))
            .Select(v => v.GetValue<string>()));

    private static List<string> ActionTitles(JsonObject card) =>
        [.. card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>())];

    /// <summary>The answer card's button that opens its sources, and the sources it shows.</summary>
    internal static JsonObject SourcesButton(JsonNode card) =>
        Assert.Single(Descendants(card).OfType<JsonObject>(), o => o["type"]?.GetValue<string>() == "Action.ShowCard");

    /// <summary>
    /// What a button of <paramref name="card"/> sends, as Teams does: its <paramref name="data"/> with every input's
    /// value merged in, then what the user typed (<paramref name="typed"/>, by input id).
    /// </summary>
    internal static JsonObject WithInputs(JsonNode card, JsonObject data, JsonObject? typed)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var input in Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            merged[input["id"]!.GetValue<string>()] = input["value"]?.DeepClone() ?? string.Empty;
        }

        foreach (var (id, value) in typed ?? [])
        {
            merged[id] = value?.DeepClone();
        }

        return merged;
    }

    internal static IEnumerable<JsonObject?> ExecuteActions(JsonNode card) =>
        Descendants(card).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Action.Execute");

    internal static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
