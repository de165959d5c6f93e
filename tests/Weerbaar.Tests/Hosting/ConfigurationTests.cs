using System.Text.Json.Nodes;
using Weerbaar.Bot.Hosting;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>Settings are checked on start with messages that name what to fix; the shipped appsettings.json holds no secret.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("MultiTenant", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "", "", "MicrosoftAppPassword is missing")]
    [InlineData("SingleTenant", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "geheim", "", "MicrosoftAppTenantId must be your Entra tenant id")]
    [InlineData("UserAssignedMSI", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "", "geen-guid", "MicrosoftAppTenantId must be your Entra tenant id")]
    [InlineData("SingleTenant", "not-a-guid", "geheim", "9f1d2c3b-0a4e-4d5f-8a6b-7c8d9e0f1a2b", "MicrosoftAppId must be the bot's app (client) id")]
    [InlineData("Tenant", "", "", "", "MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant")]
    public void HalfConfiguredRegistration_IsRefused_WithAMessageNamingTheSetting(string type, string appId, string password, string tenant, string message)
    {
        var result = new BotCredentialsValidation().Validate(null, new BotCredentials { AppType = type, AppId = appId, AppPassword = password, AppTenantId = tenant });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "", "")]
    [InlineData("SingleTenant", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "geheim", "9f1d2c3b-0a4e-4d5f-8a6b-7c8d9e0f1a2b")]
    [InlineData("UserAssignedMSI", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "", "9f1d2c3b-0a4e-4d5f-8a6b-7c8d9e0f1a2b")]
    public void CompleteRegistrationOrLocalMode_IsAccepted(string type, string appId, string password, string tenant)
    {
        var result = new BotCredentialsValidation().Validate(null, new BotCredentials { AppType = type, AppId = appId, AppPassword = password, AppTenantId = tenant });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [Slow(SlowKind.Process)]
    [InlineData("MicrosoftAppId", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "MicrosoftAppPassword is missing")]
    [InlineData("Bot:MaxRequestBytes", "10", "MaxRequestBytes")]
    [InlineData("Bot:TurnsPerUserPerMinute", "0", "TurnsPerUserPerMinute")]
    [InlineData("Admin:AllowHttpDownloads", "true", "Admin:AllowHttpDownloads=true is a developer switch")]
    [InlineData("Sessions:PseudonymKey", "", "Sessions:PseudonymKey is required outside the Development environment")]
    [InlineData("Sessions:PseudonymKey", "dGUO", "Sessions:PseudonymKey must be Base64 for at least 32 bytes")]
    [InlineData("Sessions:PublicBaseUrl", "", "Sessions:PublicBaseUrl is required outside the Development environment")]
    [InlineData("Sessions:PublicBaseUrl", "http://weerbaar.gemeente.nl", "Sessions:PublicBaseUrl must be an https address outside the Development environment")]
    [InlineData("Sessions:PublicBaseUrl", "weerbaar.gemeente.nl", "Sessions:PublicBaseUrl must be an absolute address")]
    public async Task BadSetting_StopsTheBotOnStart_WithTheSettingsNameInTheLog(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Weerbaar"] = $"Data Source={Path.Combine(TestDirectories.Create("db"), "weerbaar.db")}",
            [key] = value,
        };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BotProcess.StartAsync(settings, environment: "Production"));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    // Outside Development the same switch stops the start (BadSetting_StopsTheBotOnStart_WithTheSettingsNameInTheLog):
    // a failed start is checked in a process, whose log says why every time; in process, the test host may report the
    // disposed service provider instead of the reason.
    [Fact]
    [Slow(SlowKind.Host)]
    public async Task DeveloperSwitch_IsAcceptedInDevelopment()
    {
        await using var development = new BotApp(new Dictionary<string, string?> { ["Admin:AllowHttpDownloads"] = "true" }, environment: "Development");
        using var client = development.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Theory]
    [Slow(SlowKind.Host)]
    [InlineData("Development", "")]
    [InlineData("Development", "http://localhost:3978")]
    [InlineData("Production", "https://weerbaar.gemeente.nl/")]
    public async Task ReportLinkAddress_HttpsOutsideDevelopment_OrAnyInDevelopment_Starts(string environment, string value)
    {
        await using var bot = new BotApp(new Dictionary<string, string?> { ["Sessions:PublicBaseUrl"] = value }, environment: environment);
        using var client = bot.CreateClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public void ShippedSettings_HoldNoSecret()
    {
        var settings = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("appsettings.json")))!;
        var secrets = Leaves(settings, string.Empty)
            .Where(leaf => new[] { "password", "secret", "apikey", "key" }.Any(word => leaf.Path.EndsWith(word, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, leaf => Assert.True(leaf.Value.Length == 0, $"{leaf.Path} has a value in appsettings.json"));
    }

    private static IEnumerable<(string Path, string Value)> Leaves(JsonNode node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : Leaves(p.Value, $"{path}:{p.Key}")),
        JsonArray array => array.SelectMany((item, i) => item is null ? [] : Leaves(item, $"{path}:{i}")),
        _ => [(path.TrimStart(':'), node.ToString())],
    };
}
