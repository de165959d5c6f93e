using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Conversation;

/// <summary>
/// The help card shows the buttons of the place it is asked in first — personal chat, group, running session — and
/// every button does what it says: each is pressed over HTTP as Teams sends it, and the bot's reply is checked.
/// </summary>
public sealed class HelpCardTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");

    [Fact]
    public async Task InAPersonalChat_EachButtonDoesWhatItSays()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var help = await HelpAsync(chat);

        // Erasing cannot be undone, so that button first asks "Weet u het zeker?".
        Assert.Equal(["Stel deze vraag", "Start gesprekstool", "Ja, wis mijn gegevens"], Titles(help));
        Assert.Contains("Wis mijn gegevens", Descendants(help["body"]!).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValue<string>() == "Action.ShowCard").Select(o => o["title"]!.GetValue<string>()));
        Assert.Contains("Hier in onze 1-op-1-chat", TextOf(help), StringComparison.Ordinal);
        Assert.DoesNotContain("Er loopt een sessie", TextOf(help), StringComparison.Ordinal);

        var asked = await PressAsync(chat, help, "Stel deze vraag");
        Assert.Contains(asked.Cards, c => TextOf(c).Contains("noodpakket", StringComparison.OrdinalIgnoreCase) && ExecuteActions(c).Any(a => a!["verb"]!.GetValue<string>() == "notHelpful"));

        var started = await PressAsync(chat, help, "Start gesprekstool");
        Assert.Contains(started.Cards, c => TextOf(c).Contains("Gesprekstool starten", StringComparison.Ordinal));

        var erased = await PressAsync(chat, help, "Ja, wis mijn gegevens");
        Assert.Contains("bewaar ik nooit met uw naam", erased.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamsScope.GroupChat)]
    [InlineData(TeamsScope.Channel)]
    public async Task InAGroup_StartSessionComesFirst_AndEachButtonDoesWhatItSays(TeamsScope scope)
    {
        var chat = new TeamsConversation(scope, Connector.ServiceUrl);
        var help = await HelpAsync(chat);

        Assert.Equal(["Start gesprekstool", "Stel deze vraag"], Titles(help));
        Assert.Contains("Hier in de groep", TextOf(help), StringComparison.Ordinal);
        Assert.DoesNotContain("Wis mijn gegevens", TextOf(help), StringComparison.Ordinal);

        var started = await PressAsync(chat, help, "Start gesprekstool");
        Assert.Contains(started.Cards, c => TextOf(c).Contains("Gesprekstool starten", StringComparison.Ordinal));

        var asked = await PressAsync(chat, help, "Stel deze vraag");
        Assert.Contains(asked.Cards, c => TextOf(c).Contains("noodpakket", StringComparison.OrdinalIgnoreCase) && ExecuteActions(c).Any(a => a!["verb"]!.GetValue<string>() == "notHelpful"));
    }

    [Fact]
    public async Task DuringASession_ItsButtonsComeFirst_AndEachDoesWhatItSays()
    {
        var chat = new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl);
        var session = new SessionConversation(Bot, Connector, chat);
        await session.StartAsync(_anna);
        var bram = TeamsUser.Create("Bram");
        var help = await HelpAsync(chat, bram);

        Assert.Equal(["Bijdrage geven", "Status", "Verslag", "Start gesprekstool", "Stel deze vraag"], Titles(help));

        var view = await PressAsync(chat, help, "Bijdrage geven", bram);
        var own = Assert.Single(view.Cards);
        Assert.Contains(ExecuteActions(own), a => a!["verb"]!.GetValue<string>() == "sessionContribute");

        var status = await PressAsync(chat, help, "Status", bram);
        Assert.Contains("Stap 1 van", status.Text, StringComparison.Ordinal);

        var report = await PressAsync(chat, help, "Verslag", bram);
        Assert.Contains("nog geen afgeronde sessie met een verslag", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllTypedCommands_SitBehindAlleOpdrachten()
    {
        var help = await HelpAsync(new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl));

        var all = Assert.Single(help["actions"]!.AsArray())!;
        Assert.Equal("Action.ShowCard", all["type"]!.GetValue<string>());
        Assert.Equal("Alle opdrachten", all["title"]!.GetValue<string>());
        var commands = TextOf(all["card"]!);
        foreach (var command in new[] { "help", "verwijder mijn gegevens", "start sessie", "status", "bijdrage: …", "overdragen @naam", "stop", "verslag" })
        {
            Assert.Contains(command, commands.Split('\n'));
        }

        Assert.DoesNotContain("overdragen @naam", TextOf(help["body"]!), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(help["fallbackText"]?.GetValue<string>()));
    }

    private async Task<JsonObject> HelpAsync(TeamsConversation chat, TeamsUser? user = null)
    {
        var before = Connector.SentActivities.Count;
        var response = await Bot.PostActivityAsync(chat.Message(user ?? _anna, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardOf(Connector.SentActivities.Skip(before).Last());
    }

    // The buttons in the card itself, in order (not those behind "Alle opdrachten").
    private static List<string> Titles(JsonObject help) =>
        [.. Buttons(help).Select(b => b["title"]!.GetValue<string>())];

    private static IEnumerable<JsonObject> Buttons(JsonObject help) =>
        Descendants(help["body"]!).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit");

    /// <summary>
    /// Presses a button as Teams sends it: Action.Execute as an <c>adaptiveCard/action</c> invoke with its verb and data,
    /// a messageBack button as a message with its text (and no @mention, as Teams sends it in a group too).
    /// </summary>
    private async Task<Reply> PressAsync(TeamsConversation chat, JsonObject help, string title, TeamsUser? user = null)
    {
        var button = Assert.Single(Buttons(help), b => b["title"]!.GetValue<string>() == title);
        var before = Connector.SentActivities.Count;
        var activity = button["type"]!.GetValue<string>() == "Action.Execute"
            ? chat.CardAction(user ?? _anna, button["verb"]!.GetValue<string>(), (JsonObject)button["data"]!.DeepClone())
            : MessageBack(chat, user ?? _anna, button["data"]!["msteams"]!.AsObject());
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var texts = new List<string>();
        var cards = new List<JsonObject>();
        var raw = await response.Content.ReadAsStringAsync();
        if (raw.Length > 0 && JsonNode.Parse(raw) is JsonObject { } body && body["value"] is JsonNode value)
        {
            if (body["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
            {
                cards.Add(value.AsObject());
            }
            else
            {
                texts.Add(value.GetValue<string>());
            }
        }

        foreach (var sent in Connector.SentActivities.Skip(before))
        {
            texts.Add(sent["text"]?.GetValue<string>() ?? string.Empty);
            cards.AddRange(sent["attachments"]?.AsArray().Select(a => a!["content"]).OfType<JsonObject>() ?? []);
        }

        return new Reply(string.Join("\n", texts), cards);
    }

    private static JsonObject MessageBack(TeamsConversation chat, TeamsUser user, JsonObject msteams)
    {
        Assert.Equal("messageBack", msteams["type"]!.GetValue<string>());
        return chat.Message(user, msteams["text"]!.GetValue<string>(), mentionBot: false);
    }

    private sealed record Reply(string Text, List<JsonObject> Cards);
}
