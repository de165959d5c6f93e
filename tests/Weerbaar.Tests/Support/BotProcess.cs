using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Support;

/// <summary>
/// The bot as a separate process (the built Weerbaar.Bot.dll), as it runs in production: needed where settings are
/// process-wide (the SDK's static HttpClient for token validation, SSL_CERT_FILE) and for tests with several
/// instances or a Teams emulator. Its console output is kept for assertions and failure reports.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private BotProcess(Process process) => _process = process;

    /// <summary>Where the bot listens, as it reported itself (port 0 lets the system choose a free one, so no other test server can hold it).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public Uri MessagesUrl => new(BaseUrl, "/api/messages");

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<BotProcess> StartAsync(IDictionary<string, string?> settings, string environment = "Development", int? port = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Weerbaar.Bot.dll"), "--urls", $"http://127.0.0.1:{port ?? 0}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestDirectories.Create("bot"),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Logging__Console__FormatterName"] = "simple";
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
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilListeningAsync();
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
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
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + ListeningPrefix.Length)..].Trim().TrimEnd('/') + "/"));
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != _listening.Task)
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

        throw new TimeoutException($"The bot did not answer /healthz within 60 s:\n{Output}");
    }
}
