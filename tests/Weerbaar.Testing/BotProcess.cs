using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Weerbaar.Testing;

/// <summary>
/// The bot as a separate process (the built Weerbaar.Bot.dll), as it runs in production: needed where settings are
/// process-wide (the SDK's static HttpClient for token validation, SSL_CERT_FILE), for tests with several
/// instances or a Teams emulator, and for the load harness. Its console output is kept for assertions and failure
/// reports. A process still running when this one exits is killed then, so a crashed run leaves no bots behind.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private const int KeptOutputLines = 20_000;

    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    static BotProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private BotProcess(Process process) => _process = process;

    /// <summary>Where the bot listens, as it reported itself (port 0 lets the system choose a free one, so no other test server can hold it).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public Uri MessagesUrl => new(BaseUrl, "/api/messages");

    /// <summary>Whether the process has ended (crashed, or stopped).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The muxer that runs built programs: the one `dotnet test` or `dotnet run` names, else the one on the path.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The resident memory of the process (Linux), for a soak's memory slope; null where it cannot be read.</summary>
    public long? ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes) ? kilobytes * 1024 : null;
    }

    /// <param name="program">The built program next to this one to run: the bot, or the harness's bare echo bot (<c>Weerbaar.Harness.dll echo-bot</c>).</param>
    /// <param name="startWithin">How long the process may take to answer <c>/healthz</c>; 60 s unless given (several bots starting at once share the cores).</param>
    public static async Task<BotProcess> StartAsync(
        IDictionary<string, string?> settings,
        string environment = "Development",
        int? port = null,
        string? workingDirectory = null,
        IReadOnlyList<string>? program = null,
        TimeSpan? startWithin = null)
    {
        var start = new ProcessStartInfo(
            DotnetHost,
            [.. (program ?? ["Weerbaar.Bot.dll"]).Select((part, i) => i == 0 ? Path.Combine(AppContext.BaseDirectory, part) : part), "--urls", $"http://127.0.0.1:{port ?? 0}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? TestDirectories.Create("bot"),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        // The start-up line with the chosen port comes from this category, whatever the default log level is.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        if (environment != "Development")
        {
            // Outside Development the bot needs the https address report links are built from; a test that is
            // about that setting gives its own value.
            start.Environment["Sessions__PublicBaseUrl"] = "https://weerbaar.test";
            start.Environment["Sessions__PseudonymKey"] = "dGVzdC1wc2V1ZG9ueW0ta2V5LW9mLTMyLWJ5dGVzLS0=";
        }

        foreach (var (key, value) in settings)
        {
            // Configuration keys use "__" for ":" in environment variables.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilListeningAsync(startWithin ?? TimeSpan.FromSeconds(60));
        return bot;
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl) { Content = JsonContent.Create(activity) };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(BaseUrl, path));

    /// <summary>Stops the process and waits for it to exit, so its database and port are free again.</summary>
    public async Task StopAsync()
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
            // It exited between the check and the kill.
        }

        Running.TryRemove(_process.Id, out _);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }

        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + ListeningPrefix.Length)..].Trim().TrimEnd('/') + "/"));
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(_listening.Task, exited, Task.Delay(within)) != _listening.Task)
        {
            throw new InvalidOperationException($"The bot did not start listening (exited: {_process.HasExited}):\n{Output}");
        }

        BaseUrl = await _listening.Task;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode} before it was healthy:\n{Output}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(BaseUrl, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The bot did not answer /healthz within {within.TotalSeconds} s:\n{Output}");
    }

    private static void KillAll()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }
}
