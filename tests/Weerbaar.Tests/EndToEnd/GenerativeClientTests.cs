using Microsoft.Playwright;
using Weerbaar.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Weerbaar.Tests.EndToEnd.PlaygroundPage;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>
/// Generated answers in a real Teams client: with the model stand-in up, a question gets a text message with the AI
/// label, a citation that opens its source and Teams' own feedback buttons; with the model down, the same question
/// gets the extractive card.
/// </summary>
[Slow(SlowKind.Browser, SlowKind.Process)]
public sealed class GenerativeClientTests(GenerativeClientFixture fixture) : IClassFixture<GenerativeClientFixture>
{
    private const string Question = "Wat moet er in een noodpakket?";

    private static Weerbaar.Core.Knowledge.Article Article => Knowledge.RepositoryKnowledge.Load.Set.ArticlesById["noodpakket"];

    [Fact]
    public Task Question_GetsAGeneratedAnswerWithCitationAndAILabel_AndTheExtractiveCardWhenTheModelIsDown() => RunAsync(fixture, async page =>
    {
        await OpenChatAsync(page, "Personal Chat");
        await Expect(CardsWith(page, "Welkom bij Weerbaar")).ToHaveCountAsync(1);

        await SendAsync(page, Question);
        var generated = page.GetByText("met AI geschreven op basis van de kennisbank").Last;
        await Expect(generated).ToBeVisibleAsync();
        // The citation marker opens a preview with the article's title and its passage, linked to the source.
        var citation = page.Locator("p", new() { HasText = "Zorg voor water, eten" }).Last.GetByRole(AriaRole.Button, new() { Name = "1", Exact = true }).First;
        await citation.HoverAsync();
        var preview = page.Locator(".fai-PreviewContent", new() { HasText = Article.Title });
        await Expect(preview.Locator(".fai-PreviewHeader__label a")).ToHaveAttributeAsync("href", Article.Sources.First(s => s.Url is not null).Url!);
        await Expect(page.GetByText("AI generated").Last).ToBeVisibleAsync();

        // Teams' own 👎 under the AI answer, with a comment: stored for the article, as the card buttons are.
        await page.GetByLabel("Feedback Button").Last.GetByRole(AriaRole.Button).Last.ClickAsync();
        await page.GetByPlaceholder("Give as much detail as you can").FillAsync("Ik mis hoeveel water per persoon.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Expect(page.GetByText("We appreciate your feedback.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).First.ClickAsync();
        var stats = await Support.BotCommand.RunAsync(
            ["kb", "stats"],
            new Dictionary<string, string> { ["ConnectionStrings__Weerbaar"] = fixture.DatabaseConnectionString },
            TestDirectories.Create("cli"));
        Assert.Matches(@"Feedback not helpful:\s+1\b", stats.StandardOutput);

        await fixture.TakeModelDownAsync();
        var cards = CardsWith(page, Article.Title);
        await SendAsync(page, Question);
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.Last.GetByText("Een AI-antwoord lukte nu niet.")).ToBeVisibleAsync();
    });
}
