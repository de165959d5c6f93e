using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Weerbaar.Tests.EndToEnd.PlaygroundPage;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>
/// What a user sees and does in a real Teams client (the Agents Playground in Chromium): the welcome card on
/// install, the help card on a typed command and on a card button, and a real @mention in a group chat. Each test
/// opens its own chat first, so the order of the tests does not matter; the chats keep their history on the page.
/// </summary>
[Slow(SlowKind.Browser, SlowKind.Process)]
public sealed class TeamsClientTests(TeamsClientFixture fixture) : IClassFixture<TeamsClientFixture>
{
    private const string HelpHeading = "Wat kunt u mij vragen?";

    [Fact]
    public Task PersonalChat_ShowsOneWelcome_AndTheHelpCard_WhenTypedAndFromTheWelcomeButton() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Personal Chat");

        var welcome = CardsWith(page, "Welkom bij Weerbaar");
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome.GetByText("Stel uw vraag hieronder in de chat")).ToBeVisibleAsync();
        await Expect(welcome.GetByRole(AriaRole.Button, new() { Name = "Start gesprekstool", Exact = true })).ToBeVisibleAsync();

        var helpCards = CardsWith(page, HelpHeading);
        var before = await helpCards.CountAsync();
        await SendAsync(page, "help");
        await Expect(helpCards).ToHaveCountAsync(before + 1);
        await Expect(helpCards.Last.GetByText(HelpHeading)).ToBeVisibleAsync();

        await welcome.GetByRole(AriaRole.Button, new() { Name = "Help", Exact = true }).ClickAsync();
        await Expect(helpCards).ToHaveCountAsync(before + 2);
        // Earlier tests in this chat may have left their own invoke banners on the page.
        await Expect(page.GetByLabel("Display Invoked Message").Filter(new() { HasText = "Het overzicht staat hieronder in de chat." }).Last)
            .ToBeVisibleAsync();

        // The Playground sent both conversationUpdate and installationUpdate on install: still one welcome.
        await Expect(welcome).ToHaveCountAsync(1);
    });

    [Fact]
    public Task GroupChat_ShowsTheWelcome_AndAnswersHelp_AfterARealMention() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Group Chat");

        var welcome = CardsWith(page, "Welkom bij Weerbaar");
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome.GetByText("Noem mij met een @-vermelding")).ToBeVisibleAsync();

        var helpCards = CardsWith(page, HelpHeading);
        var before = await helpCards.CountAsync();
        var compose = page.GetByRole(AriaRole.Textbox);
        await compose.ClickAsync();
        await compose.PressSequentiallyAsync("@Test");
        // The suggestion's accessible name is the avatar's label and the name ("Test Bot Test Bot").
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Test Bot" }).ClickAsync();
        await compose.PressSequentiallyAsync(" help");
        await compose.PressAsync("Enter");

        // Only a real mention reaches the bot, and only with the mention stripped does "help" find the help card.
        await Expect(helpCards).ToHaveCountAsync(before + 1);
        await Expect(helpCards.Last.GetByText(HelpHeading)).ToBeVisibleAsync();
        await Expect(welcome).ToHaveCountAsync(1);
    });

    [Fact]
    public Task PersonalChat_QuestionGetsAnAnswerCardWithASourceLink_AndAThumbsUpIsStored() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Personal Chat");

        var answers = CardsWith(page, "Wat hoort er in een noodpakket?");
        var before = await answers.CountAsync();
        await SendAsync(page, "Wat moet er in een noodpakket?");
        await Expect(answers).ToHaveCountAsync(before + 1);
        var answer = answers.Last;
        // The sources sit behind a button that opens them inside the card.
        var sources = answer.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^\d+ bronnen$") });
        await Expect(answer.Locator("a[href^='https://']").First).Not.ToBeVisibleAsync();
        await sources.ClickAsync();
        await Expect(answer.Locator("a[href^='https://']").First).ToBeVisibleAsync();

        await answer.GetByRole(AriaRole.Button, new() { Name = "👍 Nuttig" }).ClickAsync();
        await Expect(CardsWith(page, "Bedankt voor uw reactie.")).ToHaveCountAsync(1);

        var stats = await Support.BotCommand.RunAsync(
            ["kb", "stats"],
            new Dictionary<string, string> { ["ConnectionStrings__Weerbaar"] = fixture.DatabaseConnectionString },
            TestDirectories.Create("cli"));
        Assert.Matches(@"Feedback helpful:\s+1\b", stats.StandardOutput);
    });

    [Fact]
    public Task PersonalChat_OutOfScopeQuestion_GetsTheNotKnownCard() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Personal Chat");

        var notKnown = CardsWith(page, "Dat weet ik niet zeker");
        var before = await notKnown.CountAsync();
        await SendAsync(page, "Wie wint de Tour de France dit jaar?");

        await Expect(notKnown).ToHaveCountAsync(before + 1);
        await Expect(notKnown.Last.GetByText("Waar kunt u terecht?")).ToBeVisibleAsync();
    });
}
