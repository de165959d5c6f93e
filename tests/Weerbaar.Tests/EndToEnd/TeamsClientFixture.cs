using System.Collections.Concurrent;
using Microsoft.Playwright;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.EndToEnd;

/// <summary>
/// A real Teams client for the end-to-end tests (DESIGN.md, decision 7), started once per test class: the built bot
/// as its own process (Development, no app id, a fresh SQLite file), the Microsoft 365 Agents Playground talking to
/// it, and Debian's Chromium driven by Playwright with one page on the Playground's web client. The page keeps every
/// chat's history while the tests switch between chats; reloading it would start a new client without the welcome.
/// </summary>
public class TeamsClientFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How long one step (a click, a reply appearing) may take; the bot answers in about a second.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the first page load of the Teams client may take, per try.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Offline and deterministic: the web client's CDN fonts and animations never load, here or in CI.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ];

    private readonly ConcurrentQueue<string> _browserConsole = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the tests cannot run on this machine (no Chromium, no npm packages), or null.</summary>
    public string? UnavailableReason { get; private set; }

    public BotProcess? Bot { get; private set; }

    /// <summary>The bot's database, for checking what it stored (with the command line, as an admin would).</summary>
    public string DatabaseConnectionString { get; } = $"Data Source={Path.Combine(TestDirectories.Create("db"), "weerbaar.db")}";

    public Playground? Playground { get; private set; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Where failure screenshots, page HTML and logs go: beside the test binaries.</summary>
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "e2e-artifacts");

    public async ValueTask InitializeAsync()
    {
        UnavailableReason = FindUnavailableReason();
        if (UnavailableReason is not null)
        {
            return;
        }

        try
        {
            var settings = new Dictionary<string, string?>(await StartStandInsAsync())
            {
                ["ConnectionStrings:Weerbaar"] = DatabaseConnectionString,
            };
            Bot = await BotProcess.StartAsync(settings);
            Playground = await Playground.StartAsync(Bot.MessagesUrl);

            _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            var context = await _browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            });
            Page = await context.NewPageAsync();
            Page.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
            Assertions.SetDefaultExpectTimeout((float)StepTimeout.TotalMilliseconds);
            Page.Console += (_, message) => _browserConsole.Enqueue($"{message.Type}: {message.Text}");
            Page.PageError += (_, error) => _browserConsole.Enqueue($"pageerror: {error}");

            // Opening the client connects it to the bot: the Playground then installs the bot in the personal chat.
            // The bot's welcome there shows that the client runs and reaches the bot, so the tests start from a ready page.
            await OpenClientAsync();
            await Assertions.Expect(PlaygroundPage.CardsWith(Page, "Welkom bij Weerbaar").First)
                .ToBeVisibleAsync(new() { Timeout = (float)StartupTimeout.TotalMilliseconds });
        }
        catch (Exception ex)
        {
            var logs = $"--- bot ---\n{Bot?.Output}\n--- playground ---\n{Playground?.Output}";
            await DisposeAsync();
            throw new InvalidOperationException($"The Teams client did not start: {ex.Message}\n{logs}", ex);
        }
    }

    /// <summary>
    /// Opens the Playground page. On a loaded CI machine its first page load (a large script bundle served by a
    /// Node process that has just started) can take longer than a test step, so it gets its own limit and one more
    /// try. It waits for the whole page to load: before its scripts have run, a click on a chat does nothing.
    /// </summary>
    private async Task OpenClientAsync()
    {
        var options = new PageGotoOptions
        {
            WaitUntil = WaitUntilState.Load,
            Timeout = (float)StartupTimeout.TotalMilliseconds,
        };
        try
        {
            await Page.GotoAsync(Playground!.Url.ToString(), options);
        }
        catch (TimeoutException)
        {
            await Page.GotoAsync(Playground!.Url.ToString(), options);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            // Closing the browser ends Chromium's process tree; disposing Playwright ends its driver.
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
            Playground = null;
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
            Bot = null;
        }

        await StopStandInsAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts stand-ins for services the bot should call in this fixture; returns the bot's settings for them.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> StartStandInsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    protected virtual ValueTask StopStandInsAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Saves what is needed to understand a failure: a screenshot and the HTML of the page, the browser console,
    /// and the console output of the bot and the Playground. Returns the paths of the files written.
    /// </summary>
    public async Task<IReadOnlyList<string>> SaveArtifactsAsync(string test)
    {
        Directory.CreateDirectory(ArtifactsFolder);
        var stem = Path.Combine(ArtifactsFolder, test);
        var saved = new List<string>();

        async Task SaveAsync(string path, Func<Task> write)
        {
            try
            {
                await write();
                saved.Add(path);
            }
            catch (Exception ex) when (ex is PlaywrightException or IOException or TimeoutException)
            {
                saved.Add($"{path} (not saved: {ex.Message})");
            }
        }

        await SaveAsync(stem + ".png", () => Page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true }));
        await SaveAsync(stem + ".html", async () => await File.WriteAllTextAsync(stem + ".html", await Page.ContentAsync()));
        await SaveAsync(stem + ".browser.log", () => File.WriteAllLinesAsync(stem + ".browser.log", _browserConsole));
        await SaveAsync(stem + ".bot.log", () => File.WriteAllTextAsync(stem + ".bot.log", Bot?.Output ?? "(not started)"));
        await SaveAsync(stem + ".playground.log", () => File.WriteAllTextAsync(stem + ".playground.log", Playground?.Output ?? "(not started)"));
        return saved;
    }

    /// <summary>
    /// Known causes of a failure that are not a wrong bot reply, as sentences for the failure message: the bot process
    /// stopped (our teardown kills it, so a graceful shutdown means a signal from outside the test), or the Playground
    /// could not reach the bot (so a message never arrived).
    /// </summary>
    public async Task<IReadOnlyList<string>> DiagnoseAsync()
    {
        var causes = new List<string>();
        if (Bot?.Output.Contains("Application is shutting down", StringComparison.Ordinal) == true)
        {
            causes.Add("The bot process shut down during the test (SIGTERM or Ctrl+C from outside the test; see the bot log).");
        }

        try
        {
            var warnings = await Page.GetByText("Cannot connect to your app").CountAsync();
            if (warnings > 0)
            {
                causes.Add($"The Playground logged {warnings}× \"Cannot connect to your app\" (a POST to the bot failed with ECONNREFUSED): the bot never received that activity.");
            }
        }
        catch (PlaywrightException)
        {
            // The page is gone; the screenshot step will say so.
        }

        return causes;
    }

    private static string? FindUnavailableReason()
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"The end-to-end tests need Chromium at {ChromiumPath} (apt-get install chromium).";
        }

        if (!File.Exists(Playground.ProgramPath))
        {
            return $"The end-to-end tests need the Agents Playground at {Playground.ProgramPath}: run `npm ci --prefix tests` first.";
        }

        return null;
    }
}
