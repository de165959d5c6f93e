using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Weerbaar.Tests.Support;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in tests/package.json), a
/// Teams emulator that talks to the bot's /api/messages and serves a Teams-like web client (DESIGN.md, decision 7).
/// It runs as a separate process in its own folder (it writes <c>devTools/</c> there), opens no browser, sends no
/// telemetry, and is ready when it prints <c>Listening on PORT</c>. Its console output and log file are kept for
/// failure reports.
/// </summary>
public sealed partial class Playground : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Playground(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    /// <summary>The installed program (a symlink to the package's cli.js, run by the <c>node</c> on PATH).</summary>
    public static string ProgramPath => RepoPaths.Of("tests", "node_modules", ".bin", "agentsplayground");

    /// <summary>The web client, e.g. http://127.0.0.1:56150/.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The Playground's own log file (what it received and sent).</summary>
    public string LogFile { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far, then its log file.</summary>
    public string Output
    {
        get
        {
            var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log file)";
            return string.Join('\n', _output) + $"\n--- {LogFile} ---\n" + log;
        }
    }

    /// <summary>Starts the Playground for the bot at <paramref name="botMessagesUrl"/> on the msteams channel.</summary>
    /// <param name="botMessagesUrl">The bot's /api/messages; the bot must already be listening (the Playground waits for it).</param>
    /// <param name="port">The web client's port; the Playground takes a random one when it is taken, and <see cref="Url"/> tells which.</param>
    public static async Task<Playground> StartAsync(Uri botMessagesUrl, int? port = null)
    {
        var folder = TestDirectories.Create("playground");
        var start = new ProcessStartInfo(ProgramPath,
        [
            "start",
            "--app-endpoint", botMessagesUrl.ToString(),
            "--channel-id", "msteams",
            "--port", (port ?? FreePort.Next()).ToString(CultureInfo.InvariantCulture),
            "--disable-telemetry",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var logFile = Path.Combine(folder, "m365agentsplayground.log");
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var playground = new Playground(process, logFile);
        process.OutputDataReceived += (_, e) => playground.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => playground.OnOutput(e.Data);
        process.Exited += (_, _) => playground._listening.TrySetException(
            new InvalidOperationException($"The Playground exited before listening:\n{playground.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var actualPort = await playground._listening.Task.WaitAsync(StartTimeout);
            playground.Url = new Uri($"http://127.0.0.1:{actualPort}/");
            await playground.WaitUntilServingAsync();
            return playground;
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
        {
            await playground.DisposeAsync();
            throw new TimeoutException($"The Playground did not start within {StartTimeout.TotalSeconds} s:\n{playground.Output}", ex);
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(Url);
        response.EnsureSuccessStatusCode();
    }
}
