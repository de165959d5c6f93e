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
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http;

    private BotProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseUrl { get; }

    public Uri MessagesUrl => new(BaseUrl, "/api/messages");

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<BotProcess> StartAsync(IDictionary<string, string?> settings, string environment = "Development", int? port = null)
    {
        var chosenPort = port ?? FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Weerbaar.Bot.dll"), "--urls", $"http://127.0.0.1:{chosenPort}"])
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
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{chosenPort}/"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { bot._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { bot._output.Enqueue(e.Data); } };
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

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode} before listening:\n{Output}");
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
