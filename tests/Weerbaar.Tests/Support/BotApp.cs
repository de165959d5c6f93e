using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Weerbaar.Tests.Support;

/// <summary>
/// The bot in process behind a real HTTP pipeline (WebApplicationFactory), on its own SQLite file unless a
/// connection string is given. Configuration is layered on top of the real appsettings.json.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services for the test, e.g. a fake clock.</param>
    public BotApp(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _services = services;
        DatabasePath = Path.Combine(TestDirectories.Create("db"), "weerbaar.db");
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Weerbaar"] = $"Data Source={DatabasePath}",
        };
        if (environment != "Development")
        {
            // Outside Development the bot needs the https address report links are built from; a test that is
            // about that setting gives its own value.
            _settings["Sessions:PublicBaseUrl"] = PublicBaseUrl;
            _settings["Sessions:PseudonymKey"] = PseudonymKey;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _environment = environment;
    }

    /// <summary>The public address a bot outside Development is given unless the test sets <c>Sessions:PublicBaseUrl</c>.</summary>
    public const string PublicBaseUrl = "https://weerbaar.test";

    /// <summary>The pseudonym key a bot outside Development is given unless the test sets <c>Sessions:PseudonymKey</c>.</summary>
    public const string PseudonymKey = "dGVzdC1wc2V1ZG9ueW0ta2V5LW9mLTMyLWJ5dGVzLS0=";

    /// <summary>Every log entry the bot wrote, at every level.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>The SQLite file this instance uses (when no other connection string was given).</summary>
    public string DatabasePath { get; }

    /// <summary>Posts an activity to /api/messages as Teams would (no token: local mode).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(JsonNode activity)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        using var client = CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
        return await client.PostAsync("/api/messages", content);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Host settings reach Program.cs before it registers services (features such as AddGeneration decide there
        // from configuration); the app configuration below is applied only after Program.cs has built the host.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
