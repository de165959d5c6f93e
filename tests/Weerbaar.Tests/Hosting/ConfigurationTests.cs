using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>Settings are checked on start with messages that name what to fix; the shipped appsettings.json holds no secret.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("MultiTenant", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "", "", "MicrosoftAppPassword is missing")]
    [InlineData("SingleTenant", "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20", "geheim", "", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", "not-a-guid", "geheim", "9f1d2c3b-0a4e-4d5f-8a6b-7c8d9e0f1a2b", "MicrosoftAppId must be the bot's app (client) id")]
    [InlineData("Tenant", "", "", "", "MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant")]
    public async Task HalfConfiguredRegistration_StopsTheStart_WithAMessageNamingTheSetting(string type, string appId, string password, string tenant, string message)
    {
        await using var bot = new BotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        }, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureOpenAI:Endpoint", "niet-een-adres", "AzureOpenAI:Endpoint is not an absolute address")]
    [InlineData("Bot:MaxRequestBytes", "10", "MaxRequestBytes")]
    [InlineData("Bot:TurnsPerUserPerMinute", "0", "TurnsPerUserPerMinute")]
    [InlineData("Answering:MinCoverage", "2", "MinCoverage")]
    public async Task ImpossibleValues_StopTheStart_WithAMessageNamingTheSetting(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("AzureOpenAI", StringComparison.Ordinal))
        {
            settings["AzureOpenAI:Deployment"] = "gpt";
        }

        await using var bot = new BotApp(settings);

        var failure = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
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
