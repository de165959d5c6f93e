using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>What the end-to-end tests do on the Playground's web client, as a user would: open a chat, type, find cards.</summary>
internal static class PlaygroundPage
{
    /// <summary>Adaptive Cards (official renderer) in the open chat that contain <paramref name="text"/>.</summary>
    public static ILocator CardsWith(IPage page, string text) => page.Locator(".ac-adaptiveCard", new() { HasText = text });

    /// <summary>
    /// The compose box: a Lexical editor. Once a card with inputs is on the page, the page has more than one textbox.
    /// </summary>
    public static ILocator Compose(IPage page) => page.Locator("[data-lexical-editor]");

    /// <summary>Opens a chat from the list on the left (on first opening, the Playground adds the bot to it).</summary>
    public static async Task OpenChatAsync(IPage page, string name)
    {
        var chat = page.GetByRole(AriaRole.Treeitem, new() { Name = name, Exact = true });
        await chat.ClickAsync();
    }

    /// <summary>Types a message in the compose box and sends it with Enter.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        var compose = Compose(page);
        await compose.ClickAsync();
        await compose.PressSequentiallyAsync(text);
        await compose.PressAsync("Enter");
    }

    /// <summary>Runs the steps on the fixture's page; on failure saves screenshot, HTML and logs and names them in the failure.</summary>
    public static async Task RunAsync(TeamsClientFixture fixture, Func<IPage, Task> steps, [CallerMemberName] string test = "")
    {
        if (fixture.UnavailableReason is { } reason)
        {
            Support.TestEnvironment.Unavailable(reason);
        }

        try
        {
            await steps(fixture.Page);
        }
        catch (Exception ex)
        {
            var causes = await fixture.DiagnoseAsync();
            var artifacts = await fixture.SaveArtifactsAsync(test);
            var message = causes.Count == 0 ? ex.Message : $"{ex.Message}\n\n{string.Join('\n', causes)}";
            throw new XunitException($"{message}\n\nArtifacts:\n  {string.Join("\n  ", artifacts)}", ex);
        }
    }
}
