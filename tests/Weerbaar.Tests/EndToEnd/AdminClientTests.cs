using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Weerbaar.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Weerbaar.Tests.EndToEnd.PlaygroundPage;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>
/// Knowledge admin in a real Teams client (the Agents Playground in Chromium). In Development the Playground's own user
/// is admin (the documented default), so this is what a newcomer sees: <c>beheer</c>, find an article, change its
/// title, publish, and the next question gets the new text. Its own fixture, so the edited article stays out of the
/// other tests.
/// </summary>
[Slow(SlowKind.Browser, SlowKind.Process)]
public sealed class AdminClientTests(TeamsClientFixture fixture) : IClassFixture<TeamsClientFixture>
{
    private const string NewTitle = "Wat stopt u in een noodpakket voor 72 uur?";

    [Fact]
    public Task PersonalChat_AdminChangesAnArticleTitle_AndTheNextAnswerShowsIt() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Personal Chat");
        await Expect(CardsWith(page, "Welkom bij Weerbaar").First).ToBeVisibleAsync();

        await SendAsync(page, "beheer");
        var admin = CardsWith(page, "Beheer van de kennisbank");
        await Expect(admin).ToHaveCountAsync(1);
        await admin.GetByLabel("Zoek een artikel (titel, id of woord)").FillAsync("wat hoort er in een noodpakket");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true }).ClickAsync();
        await Expect(admin.GetByText("Gevonden: 1", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(admin.GetByText("Wat hoort er in een noodpakket?")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Bewerken", Exact = true }).ClickAsync();

        // The search card becomes the article card (an Action.Execute answer replaces the pressed card). This client
        // cannot open dialogs, so the admin unfolds the form on the card itself.
        var form = CardsWith(page, "Artikel bewerken: noodpakket");
        await Expect(form).ToHaveCountAsync(1);
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Bewerken in de chat") }).ClickAsync();
        await form.GetByLabel("Titel (de hoofdvraag)").FillAsync(NewTitle);
        await form.GetByLabel("Wat heeft u veranderd? (kort)").FillAsync("titel verduidelijkt");
        // Publishing asks first: "Publiceren" opens the question, "Ja, publiceren" publishes.
        await form.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publiceren") }).ClickAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Ja, publiceren", Exact = true }).ClickAsync();
        await Expect(form.GetByText("Gepubliceerd (versie 2). Vragen krijgen vanaf nu dit antwoord.")).ToBeVisibleAsync();

        var answers = CardsWith(page, NewTitle);
        var before = await answers.CountAsync();
        await SendAsync(page, "Wat moet er in een noodpakket?");
        await Expect(answers).ToHaveCountAsync(before + 1);
        await Expect(answers.Last.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^\d+ bronnen$") })).ToBeVisibleAsync();
    });
}
