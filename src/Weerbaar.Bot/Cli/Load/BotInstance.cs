using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Weerbaar.Bot.Cli.Load;

/// <summary>
/// One bot instance for the load: the same built Weerbaar.Bot.dll as a child process on a free port of 127.0.0.1,
/// configured through environment variables, ready once <c>GET /healthz</c> answers 200. Every instance still
/// running is killed when it is disposed and, at the latest, when this process exits.
/// </summary>
internal sealed class BotInstance : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    // The last resort when this process ends without disposing its instances (an unhandled exception, Environment.Exit).
    static BotInstance() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private BotInstance(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The resident memory of the bot process (Linux), for the soak's memory slope; null where it cannot be read.</summary>
    public long? ResidentBytes()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes) ? kilobytes * 1024 : null;
    }

    public Uri MessagesUrl => new(BaseUrl, "api/messages");

    /// <summary>The last lines the process wrote, for a failure report.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>Starts an instance with <paramref name="settings"/> (configuration keys with ':') and waits until it is healthy.</summary>
    public static async Task<BotInstance> StartAsync(IReadOnlyDictionary<string, string> settings, string workingDirectory, HttpClient http, CancellationToken cancellationToken)
    {
        // A port that was free a moment ago can be taken before the bot binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            var instance = Launch(settings, workingDirectory, FreePort());
            try
            {
                await instance.WaitUntilHealthyAsync(http, cancellationToken);
                return instance;
            }
            catch (InvalidOperationException) when (attempt < 3 && instance.RecentOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await instance.DisposeAsync();
            }
            catch
            {
                await instance.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(_process.Id, out _);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private static BotInstance Launch(IReadOnlyDictionary<string, string> settings, string workingDirectory, int port)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "Weerbaar.Bot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        foreach (var (key, value) in settings)
        {
            // Configuration keys use "__" for ":" in environment variables.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var instance = new BotInstance(process, baseUrl);
        process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    private async Task WaitUntilHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before it was healthy:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new InvalidOperationException($"The bot did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    // The muxer that runs this program (dotnet Weerbaar.Bot.dll), else the one `dotnet run` names, else the one on the path.
    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
