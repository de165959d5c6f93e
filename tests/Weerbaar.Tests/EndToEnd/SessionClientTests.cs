using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.Core.Language;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Weerbaar.Tests.EndToEnd.PlaygroundPage;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>
/// The gesprekstool in a real Teams client (the Agents Playground in Chromium), in its group chat. The Playground acts
/// as one user, who is both the facilitator and the only participant: the setup card, the shared card, the
/// facilitator's own view in its place (Action.Execute answers replace the pressed card), a contribution, a step change,
/// an agreement with a date, and the report. Its own fixture, so these cards with inputs stay out of the other tests' page.
/// </summary>
[Slow(SlowKind.Browser, SlowKind.Process)]
public sealed class SessionClientTests(TeamsClientFixture fixture) : IClassFixture<TeamsClientFixture>
{
    private const string Organisation = "Gemeente Testdorp";
    private const string FacilitatorRole = "u bent gespreksleider";
    private const string SharedCardButton = "Toon mijn weergave";
    private const string ContributionSaved = "Dank u. Uw bijdrage is opgeslagen.";

    /// <summary>How long the Playground may take to offer and insert the mention (it takes well under a second).</summary>
    private const float MentionTimeout = 5_000;

    /// <summary>The scenario's steps this test leaves out, so the session has two: the opening and the agreements.</summary>
    private static readonly string[] DroppedSteps =
        [.. Knowledge.RepositoryKnowledge.Load.Set.Scenario!.Steps.Where(step => step.Id is not ("opening" or "afspraken")).Select(step => step.Title)];

    [Fact]
    public Task GroupChat_OneUserRunsAShortSession_FromSetupToReport() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Group Chat");
        await Expect(CardsWith(page, "Welkom bij Weerbaar").First).ToBeVisibleAsync();

        // Setup: a real mention with "start sessie" posts the setup card; all steps are chosen by default.
        await MentionBotAsync(page, "start sessie");
        var setup = CardsWith(page, "Gesprekstool starten");
        await Expect(setup).ToHaveCountAsync(1);
        await setup.GetByLabel("Naam van uw organisatie").FillAsync(Organisation);
        foreach (var step in DroppedSteps)
        {
            var box = setup.GetByRole(AriaRole.Checkbox, new() { Name = step });
            await Expect(box).ToBeCheckedAsync();
            await box.UncheckAsync();
        }

        await Expect(setup.GetByRole(AriaRole.Checkbox, new() { Name = "Opening en dreigingsbeeld" })).ToBeCheckedAsync();
        await Expect(setup.GetByRole(AriaRole.Checkbox, new() { Name = "Afspraken en vervolg" })).ToBeCheckedAsync();
        await setup.GetByRole(AriaRole.Button, new() { Name = "Sessie starten", Exact = true }).ClickAsync();

        // The bot posts the shared card, and the setup card becomes a confirmation without buttons: the shared card is
        // the facilitator's one control card. The Playground does not refresh cards, so its button shows the own view.
        var started = CardsWith(page, "De sessie is gestart.");
        await Expect(started).ToHaveCountAsync(1);
        await Expect(started.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(setup).ToHaveCountAsync(0);
        var shared = page.Locator(".ac-adaptiveCard", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = SharedCardButton, Exact = true }) });
        await Expect(shared).ToHaveCountAsync(1);
        await Expect(shared.GetByText($"Gesprekstool: {Organisation}", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(shared.GetByText("Stap 1 van 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(shared.GetByText("Opening en dreigingsbeeld", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(shared.GetByText(new Regex(@"^Deze stap eindigt om \d{2}:\d{2}\.$"))).ToBeVisibleAsync();
        await Expect(shared.GetByRole(AriaRole.Button, new() { Name = "Zo krijgt u de video", Exact = true })).ToBeVisibleAsync();

        // The Playground does not refresh cards, so the bot's next update of the shared card's message would replace
        // the own view shown there (or not, depending on which reaches the page first). So the facilitator opens the
        // view on this card and then types "status": the shared card comes back below and takes the updates from now
        // on, while the view above stays theirs.
        await shared.GetByRole(AriaRole.Button, new() { Name = SharedCardButton, Exact = true }).ClickAsync();
        var view = CardsWith(page, FacilitatorRole);
        await Expect(view).ToHaveCountAsync(1);
        await Expect(shared).ToHaveCountAsync(0);
        await MentionBotAsync(page, "status");
        await Expect(shared).ToHaveCountAsync(1);
        await Expect(shared.GetByText("Stap 1 van 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(view.GetByText($"Stap 1 van 2 · {FacilitatorRole}", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var control in new[] { "Volgende", "Toon bijdragen", "Sessie beëindigen", "Meer" })
        {
            await Expect(view.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToBeVisibleAsync();
        }

        await view.GetByRole(AriaRole.Button, new() { Name = "Meer", Exact = true }).ClickAsync();
        foreach (var control in new[] { "Vorige", "Pauze", "+5 minuten" })
        {
            await Expect(view.GetByRole(AriaRole.Button, new() { Name = control, Exact = true })).ToBeVisibleAsync();
        }

        // A contribution on the first question of step 1.
        const string contribution = "Wij hangen sterk af van stroom en internet.";
        await view.GetByRole(AriaRole.Button, new() { Name = "Op de kaart typen", Exact = true }).ClickAsync();
        await view.GetByLabel("Wat raakt u in dit beeld?").FillAsync(contribution);
        await view.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true }).First.ClickAsync();
        await Expect(view.GetByText(ContributionSaved, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(view.GetByText("Uw bijdragen", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(view.GetByText(contribution).First).ToBeVisibleAsync();

        // Next step: the own view and the shared card posted again by "status" (updated by the bot) both show the last step.
        await view.GetByRole(AriaRole.Button, new() { Name = "Volgende", Exact = true }).ClickAsync();
        await Expect(view.GetByText($"Stap 2 van 2 · {FacilitatorRole}", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(view.GetByText("Afspraken en vervolg", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(shared.GetByText("Stap 2 van 2", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(shared.GetByText("Afspraken en vervolg", new() { Exact = true })).ToBeVisibleAsync();

        // An agreement. The Playground renders Input.Date as a Fluent UI date picker: a text box that parses what is
        // typed with JavaScript's Date.parse. "yyyy-MM-dd" parses as UTC midnight, the day before west of UTC, so the
        // test types the US short form, which parses as local midnight in any time zone.
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        const string what = "Noodstroom van het gemeentehuis testen";
        const string owner = "Facilitair manager";
        await view.GetByRole(AriaRole.Button, new() { Name = "Op de kaart invullen", Exact = true }).ClickAsync();
        await view.GetByLabel("Wat spreken we af?").FillAsync(what);
        await view.GetByLabel("Wie pakt het op? (een rol, geen naam)").FillAsync(owner);
        await view.GetByLabel("Uiterlijk op").FillAsync(string.Create(CultureInfo.InvariantCulture, $"{due.Month}/{due.Day}/{due.Year}"));
        await view.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan", Exact = true }).ClickAsync();
        await Expect(view.GetByText("De afspraak is toegevoegd.", new() { Exact = true })).ToBeVisibleAsync();
        var agreement = $"{what} – {owner} – uiterlijk {DutchDates.Format(due)}";
        await Expect(view.GetByText(agreement, new() { Exact = true })).ToBeVisibleAsync();

        // Finish, confirmed on the card: the report card lists the agreement and links to the full report.
        await view.GetByRole(AriaRole.Button, new() { Name = "Sessie afronden", Exact = true }).ClickAsync();
        await Expect(view.GetByText("Weet u het zeker? De sessie stopt voor iedereen.", new() { Exact = true })).ToBeVisibleAsync();
        await view.GetByRole(AriaRole.Button, new() { Name = "Ja, afronden", Exact = true }).ClickAsync();
        await Expect(view.GetByText("De sessie is afgerond. Het verslag staat hieronder.", new() { Exact = true })).ToBeVisibleAsync();
        var report = CardsWith(page, $"Verslag: {Organisation}");
        await Expect(report).ToHaveCountAsync(1);
        await Expect(report.GetByText("Afspraken", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(report.GetByText(agreement, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(report.GetByRole(AriaRole.Link, new() { Name = "Verslag als tekstbestand", Exact = true })).ToBeVisibleAsync();

        // Once over, the shared card shows the final state and no longer has a button to find it by, nor one to steer
        // with; only "Lees meer" still unfolds the step's text.
        var over = CardsWith(page, $"Gesprekstool: {Organisation}").Filter(new() { HasNotText = FacilitatorRole });
        await Expect(over).ToHaveCountAsync(1);
        await Expect(over.GetByText("De sessie is afgerond.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(over.GetByRole(AriaRole.Button).Filter(new() { HasNotText = "Lees meer" })).ToHaveCountAsync(0);

        // The renderer shows an Action.OpenUrl as a button with the link role and the address as its title.
        var htmlLink = report.GetByRole(AriaRole.Link, new() { Name = "Volledig verslag (HTML)", Exact = true });
        await Expect(htmlLink).ToHaveAttributeAsync("title", new Regex(@"/sessies/verslag/[^/]+\.html$"));
        var address = new Uri((await htmlLink.GetAttributeAsync("title"))!);
        using var response = await fixture.Bot!.GetAsync(address.PathAndQuery);
        Assert.True(response.IsSuccessStatusCode, $"GET {address.PathAndQuery}: {(int)response.StatusCode}");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Organisation, html, StringComparison.Ordinal);
        Assert.Contains(what, html, StringComparison.Ordinal);
    });

    /// <summary>
    /// Sends "@Test Bot <paramref name="text"/>" with a real mention, as a group chat needs: type "@Test", click the
    /// suggestion, then the text. Rarely (twice while this test was written, on a busy two-core machine) the Playground's
    /// suggestion list does not open or ignores the click, and "@Test" stays plain text, which the Playground does not
    /// even send to the bot. So the helper waits for the mention to appear in the compose box and starts again, at most
    /// three times, saying so in the test output.
    /// </summary>
    private static async Task MentionBotAsync(IPage page, string text)
    {
        var compose = Compose(page);
        var mention = compose.Locator(".mention", new() { HasText = "Test Bot" });
        var suggestion = page.GetByRole(AriaRole.Menuitem, new() { Name = "Test Bot" });
        for (var attempt = 1; ; attempt++)
        {
            await compose.ClickAsync();
            await compose.PressAsync("Control+A");
            await compose.PressAsync("Backspace");
            await compose.PressSequentiallyAsync("@Test");
            try
            {
                // The suggestion's accessible name is the avatar's label and the name ("Test Bot Test Bot").
                await suggestion.ClickAsync(new() { Timeout = MentionTimeout });
                await Expect(mention).ToBeVisibleAsync(new() { Timeout = MentionTimeout });
                break;
            }
            catch (Exception ex) when (attempt < 3 && ex is PlaywrightException or TimeoutException)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"Mention attempt {attempt} failed, trying again: {ex.Message.Split('\n')[0]}");
            }
        }

        await compose.PressSequentiallyAsync(" " + text);
        await Expect(mention).ToBeVisibleAsync();
        await compose.PressAsync("Enter");
    }
}
