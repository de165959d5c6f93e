using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Conversation;

/// <summary>Dialogs (Teams task modules) that do not fit: a friendly Dutch line in the dialog, never an error.</summary>
public sealed class DialogTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    [Theory]
    [InlineData("task/fetch")]
    [InlineData("task/submit")]
    public async Task DialogNobodyKnows_ClosesWithADutchLine_AndNothingIsSent(string invoke)
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);
        var data = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "task/fetch" }, ["dialog"] = "deleteEverything" };

        var body = await DialogAsync(chat.Invoke(TeamsUser.Create("Anna"), invoke, new JsonObject { ["data"] = data }));

        Assert.Equal("message", body["task"]!["type"]!.GetValue<string>());
        Assert.Contains("Deze knop werkt niet meer", body["task"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Connector.SentActivities);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("{}")]
    [InlineData("{\"data\":\"text\"}")]
    [InlineData("{\"data\":{\"dialog\":42}}")]
    public async Task MalformedDialogValue_ClosesWithADutchLine(string value)
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);

        var body = await DialogAsync(chat.Invoke(TeamsUser.Create("Anna"), "task/fetch", JsonNode.Parse(value)));

        Assert.Contains("Deze actie begrijp ik niet", body["task"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Connector.SentActivities);
    }

    [Fact]
    public async Task DialogButtonSentAsAPlainSubmit_ByAClientWithoutDialogs_SaysToUseTheCard()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);
        var data = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "task/fetch" }, ["dialog"] = "sessionSetup", ["token"] = "abc" };

        using var response = await Bot.PostActivityAsync(chat.Submit(TeamsUser.Create("Anna"), data));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gebruik de velden en knoppen op de kaart zelf", Assert.Single(Connector.SentActivities)["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<JsonObject> DialogAsync(JsonObject activity)
    {
        using var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
