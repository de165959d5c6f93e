using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;
using static Weerbaar.Tests.Sessions.SessionConversation;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// "Sessie instellen": the setup as a dialog over HTTP with the real pipeline — its steps, going back, bad input at
/// the field, the start (once, however often it is confirmed), and a running session, a used card and forged data.
/// Each test has its own conversation, so they share one bot.
/// </summary>
public sealed class SetupDialogTests(SharedBotTest.Host host) : SharedBotTest(host)
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    private SessionConversation NewChat() => new(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task SetupByDialog_WithABadNameAndAStepBack_StartsOneSession_LedByTheStarter_AndASecondConfirmStartsNothing()
    {
        var session = NewChat();
        var setup = CardOf(await session.SendAsync(session.Chat.Message(_lead, "start sessie")));

        // The dialog's button comes first; the card's own inputs and start button stay for clients without dialogs.
        var first = setup["actions"]![0]!.AsObject();
        Assert.Equal("Sessie instellen", first["title"]!.GetValue<string>());
        Assert.Equal("task/fetch", first["data"]!["msteams"]!["type"]!.GetValue<string>());
        Assert.Equal(ButtonData(setup, "Sessie starten")["token"]!.GetValue<string>(), first["data"]!["token"]!.GetValue<string>());

        var opened = await session.OpenDialogAsync(_lead, setup, "Sessie instellen");
        Assert.Equal("Sessie instellen", opened.Title);
        var card = DialogCard(opened);
        Assert.Contains("stap 1 van 4", TextOf(card), StringComparison.Ordinal);

        // A name that is too long: the same step, the reason under the field, what was typed kept.
        var tooLong = new string('x', 101);
        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["organisation"] = tooLong, ["kind"] = "bedrijf" }));
        Assert.Contains("stap 1 van 4", TextOf(card), StringComparison.Ordinal);
        Assert.Equal(tooLong, Input(card, "organisation")["value"]!.GetValue<string>());
        Assert.Equal("bedrijf", Input(card, "kind")["value"]!.GetValue<string>());
        Assert.Equal("Attention", ReasonUnder(card, "organisation")["color"]!.GetValue<string>());
        Assert.Contains("te lang", ReasonUnder(card, "organisation")["text"]!.GetValue<string>(), StringComparison.Ordinal);

        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["organisation"] = "Waterbedrijf Oost", ["kind"] = "bedrijf" }));
        Assert.Contains("stap 2 van 4", TextOf(card), StringComparison.Ordinal);
        Assert.Contains("Opening", TextOf(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Descendants(card).OfType<JsonObject>(), o => o["color"]?.GetValue<string>() == "Attention");

        // Two steps in 60 minutes; then back from the next step: the choice is still there.
        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["steps"] = "opening,afspraken", ["minutes"] = "60" }));
        Assert.Contains("stap 3 van 4", TextOf(card), StringComparison.Ordinal);
        card = DialogCard(await session.PressDialogAsync(_lead, card, "Vorige"));
        Assert.Contains("stap 2 van 4", TextOf(card), StringComparison.Ordinal);
        Assert.Equal("opening,afspraken", Input(card, "steps")["value"]!.GetValue<string>());
        Assert.Equal("60", Input(card, "minutes")["value"]!.GetValue<string>());
        Assert.Contains("Samen 60 minuten", TextOf(card), StringComparison.Ordinal);

        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende"));
        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["anonymous"] = "false" }));
        var summary = TextOf(card);
        Assert.Contains("stap 4 van 4", summary, StringComparison.Ordinal);
        Assert.Contains("Waterbedrijf Oost", summary, StringComparison.Ordinal);
        Assert.Contains("60 minuten", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.SentActivities, IsSharedCard);

        var started = await session.PressDialogAsync(_lead, card, "Sessie starten");
        Assert.Contains("De sessie is gestart", DialogLine(started), StringComparison.Ordinal);
        Assert.Single(Connector.SentActivities, IsSharedCard);
        Assert.Contains("Stap 1 van 2", TextOf(session.SharedCard()), StringComparison.Ordinal);
        Assert.Contains("Waterbedrijf Oost", TextOf(session.SharedCard()), StringComparison.Ordinal);

        var leadView = await session.ViewAsync(_lead);
        Assert.Contains("u bent gespreksleider", TextOf(leadView), StringComparison.Ordinal);
        Assert.Contains("u bent deelnemer", TextOf(await session.ViewAsync(_anna)), StringComparison.Ordinal);
        await session.PressAsync(_lead, leadView, "sessionNext");
        Assert.Contains("Stap 2 van 2", TextOf(session.SharedCard()), StringComparison.Ordinal);

        // A double submit, and the setup card's own start button with the same token: nothing more starts.
        Assert.Contains("Er loopt al een sessie", DialogLine(await session.PressDialogAsync(_lead, card, "Sessie starten")), StringComparison.Ordinal);
        Assert.Contains("Er loopt al een sessie", Message(await session.InvokeCardAsync(_lead, "sessionStart", Filled(ButtonData(setup, "Sessie starten")))), StringComparison.Ordinal);
        Assert.Single(Connector.SentActivities, IsSharedCard);
        Assert.Contains("Stap 2 van 2", TextOf(session.SharedCard()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartByDialog_SetsUpAnAnonymousSession_ThatRunsLikeOneFromTheCard()
    {
        var session = NewChat();

        var view = await session.StartByDialogAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);

        Assert.Contains("u bent gespreksleider", TextOf(view), StringComparison.Ordinal);
        Assert.Contains("Stap 1 van 2", TextOf(session.SharedCard()), StringComparison.Ordinal);
        Assert.Contains("Uw bijdrage is opgeslagen", TextOf(await session.ContributeAsync(_anna, "Wij hebben geen noodstroom")), StringComparison.Ordinal);

        // Anonymous: typed contributions are refused with the reason, as for a session set up on the card.
        var reply = await session.SendAsync(session.Chat.Message(_anna, "bijdrage: met naam"));
        Assert.Contains("Deze sessie is anoniem", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupDialog_WhileASessionRuns_SaysSo_AndStartsNothing()
    {
        var session = NewChat();
        var spare = CardOf(await session.SendAsync(session.Chat.Message(_lead, "start sessie")));
        await session.StartAsync(_lead);

        var opened = await session.OpenDialogAsync(_lead, spare, "Sessie instellen");
        Assert.Contains("Er loopt al een sessie", DialogLine(opened), StringComparison.Ordinal);

        var confirm = ConfirmData(spare);
        Assert.Contains("Er loopt al een sessie", DialogLine(await session.PostDialogAsync(session.Chat.DialogSubmit(_lead, confirm))), StringComparison.Ordinal);
        Assert.Single(Connector.SentActivities, IsSharedCard);
    }

    [Fact]
    public async Task SetupDialog_OfACardThatStartedASessionBefore_SaysSo_AndStartsNothing()
    {
        var session = NewChat();
        var setup = CardOf(await session.SendAsync(session.Chat.Message(_lead, "start sessie")));
        await session.InvokeCardAsync(_lead, "sessionStart", Filled(ButtonData(setup, "Sessie starten")));
        var stop = CardOf(await session.SendAsync(session.Chat.Message(_lead, "stop")));
        await session.InvokeCardAsync(_lead, "sessionEnd", ButtonData(stop, "Ja, beëindigen"));

        Assert.Contains("al een sessie gestart", DialogLine(await session.OpenDialogAsync(_lead, setup, "Sessie instellen")), StringComparison.Ordinal);
        Assert.Contains("al een sessie gestart", DialogLine(await session.PostDialogAsync(session.Chat.DialogSubmit(_lead, ConfirmData(setup)))), StringComparison.Ordinal);
        Assert.Single(Connector.SentActivities, IsSharedCard);
    }

    public static TheoryData<string> ForgedCases => new(Forgeries.Keys);

    private static readonly Dictionary<string, (Action<JsonObject> Forge, string Expected)> Forgeries = new()
    {
        ["unknown step marker"] = (d => d["step"] = "Payment", "stap 1 van 4"),
        ["step marker of another type"] = (d => d["step"] = 3, "stap 1 van 4"),
        ["step marker as a number"] = (d => d["step"] = "3", "stap 1 van 4"),
        ["unknown move"] = (d => d["move"] = "skip", "stap 1 van 4"),
        ["start from the first step"] = (d => d["step"] = "Organisation", "stap 1 van 4"),
        ["missing token"] = (d => d.Remove("token"), "oude kaart"),
        ["token of another type"] = (d => d["token"] = new JsonObject(), "oude kaart"),
        ["token too long"] = (d => d["token"] = new string('a', 65), "oude kaart"),
        ["tampered step ids"] = (d => d["steps"] = "opening,../../admin", "Kies alleen stappen uit de lijst"),
        ["no steps"] = (d => d["steps"] = "", "Kies ten minste één stap"),
        ["unknown length"] = (d => d["minutes"] = "45", "Kies 60, 90 of 120 minuten"),
        ["unknown kind"] = (d => d["kind"] = "koninkrijk", "Kies een soort organisatie uit de lijst"),
        ["empty name"] = (d => d["organisation"] = "   ", "Vul de naam van uw organisatie in"),
        ["anonymous neither yes nor no"] = (d => d["anonymous"] = "misschien", "Kies ja of nee"),
    };

    [Theory]
    [MemberData(nameof(ForgedCases))]
    public async Task ForgedConfirm_ShowsAStepOrSaysWhy_AndStartsNothing(string forgery)
    {
        var session = NewChat();
        var setup = CardOf(await session.SendAsync(session.Chat.Message(_lead, "start sessie")));
        var data = ConfirmData(setup);
        var (forge, expected) = Forgeries[forgery];
        forge(data);

        var response = await session.PostDialogAsync(session.Chat.DialogSubmit(_lead, data));

        var shown = response.Card is JsonObject card ? TextOf(card) : DialogLine(response);
        Assert.Contains(expected, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.SentActivities, IsSharedCard);
        Assert.Contains("Er loopt nu geen sessie", (await session.SendAsync(session.Chat.Message(_lead, "status")))["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("opening,waarom", "minutes", "45", "Kies 60, 90 of 120 minuten")]
    [InlineData("", "minutes", "90", "Kies ten minste één stap")]
    public async Task BadChoiceOnTheStepsStep_ShowsThatStepAgain_WithTheReasonUnderTheField(string steps, string field, string minutes, string reason)
    {
        var session = NewChat();
        var setup = CardOf(await session.SendAsync(session.Chat.Message(_lead, "start sessie")));
        var card = DialogCard(await session.OpenDialogAsync(_lead, setup, "Sessie instellen"));
        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["organisation"] = "Gemeente Voorbeeld" }));

        card = DialogCard(await session.PressDialogAsync(_lead, card, "Volgende", new JsonObject { ["steps"] = steps, ["minutes"] = minutes }));

        Assert.Contains("stap 2 van 4", TextOf(card), StringComparison.Ordinal);
        var input = steps.Length == 0 ? "steps" : field;
        Assert.Contains(reason, ReasonUnder(card, input)["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(steps, Input(card, "steps")["value"]!.GetValue<string>());
    }

    /// <summary>The data of the dialog's "Sessie starten" for the setup card <paramref name="setup"/>, as the last step sends it.</summary>
    private static JsonObject ConfirmData(JsonObject setup) => Filled(new JsonObject
    {
        ["dialog"] = "sessionSetup",
        ["token"] = ButtonData(setup, "Sessie instellen")["token"]!.DeepClone(),
        ["step"] = "Confirm",
        ["move"] = "start",
    });

    private static JsonObject Filled(JsonObject data)
    {
        data["organisation"] = "Gemeente Voorbeeld";
        data["kind"] = "gemeente";
        data["steps"] = "opening,afspraken";
        data["minutes"] = "90";
        data["anonymous"] = "false";
        return data;
    }

    private static bool IsSharedCard(JsonObject activity) =>
        activity["summary"]?.GetValue<string>()?.StartsWith("Gesprekstool:", StringComparison.Ordinal) == true;

    private static JsonObject Input(JsonObject card, string id) =>
        Descendants(card).OfType<JsonObject>().Single(o => o["id"]?.GetValue<string>() == id && o["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal));

    /// <summary>The element right under the input <paramref name="id"/>: where its reason stands.</summary>
    private static JsonObject ReasonUnder(JsonObject card, string id)
    {
        var container = Descendants(card).OfType<JsonArray>().Single(a => a.Any(e => e?["id"]?.GetValue<string>() == id));
        var index = container.Select((e, i) => (e, i)).Single(p => p.e?["id"]?.GetValue<string>() == id).i;
        var reason = container[index + 1]!.AsObject();
        Assert.Equal("TextBlock", reason["type"]!.GetValue<string>());
        Assert.Equal("Attention", reason["color"]!.GetValue<string>());
        return reason;
    }
}
