using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Weerbaar.Bot.Cli;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Manifest;

/// <summary>
/// The <c>manifest</c> verb as an operator runs it: <c>dotnet Weerbaar.Bot.dll manifest --out ...</c> in its own
/// process, reading appsettings.json next to the dll, environment variables and arguments.
/// </summary>
[Slow(SlowKind.Process)]
public sealed class ManifestCommandTests : IDisposable
{
    private static readonly string[] RequiredKeys =
        ["Manifest:BotId", "Manifest:DeveloperName", "Manifest:WebsiteUrl", "Manifest:PrivacyUrl", "Manifest:TermsUrl"];

    private readonly string _folder = TestDirectories.Create("manifest-cli");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ManifestVerb_WithoutSettings_Exits2AndNamesTheMissingKeys()
    {
        var zip = Path.Combine(_folder, "app.zip");

        var result = await RunBotAsync(["manifest", "--out", zip], new Dictionary<string, string>());

        Assert.Equal(2, result.ExitCode);
        foreach (var key in RequiredKeys)
        {
            Assert.Contains(key, result.StandardError, StringComparison.Ordinal);
        }

        AssertNoStackTrace(result);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task ManifestVerb_WithInvalidValues_Exits2AndNamesThem()
    {
        var zip = Path.Combine(_folder, "app.zip");

        var result = await RunBotAsync(
            ["manifest", "--out", zip, "--Manifest:BotId=not-a-guid", "--Manifest:DeveloperName=Test",
             "--Manifest:WebsiteUrl=http://example.org", "--Manifest:PrivacyUrl=https://example.org/privacy",
             "--Manifest:TermsUrl=https://example.org/terms"],
            new Dictionary<string, string>());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Manifest:BotId 'not-a-guid' is not a GUID", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Manifest:WebsiteUrl 'http://example.org' is not an https URL", result.StandardError, StringComparison.Ordinal);
        AssertNoStackTrace(result);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task ManifestVerb_WithAllSettings_WritesThePackage()
    {
        // Settings from all three sources: MicrosoftAppId and a Manifest key from the environment, the rest as
        // arguments; the bot id and app id fall back to MicrosoftAppId, the version to 1.0.0.
        var zip = Path.Combine(_folder, "out", "app.zip");
        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = ManifestTestValues.BotId,
            ["Manifest__DeveloperName"] = ManifestTestValues.DeveloperName,
        };

        var result = await RunBotAsync(
            ["manifest", "--out", zip, $"--Manifest:WebsiteUrl={ManifestTestValues.WebsiteUrl}",
             "--Manifest:PrivacyUrl", ManifestTestValues.PrivacyUrl, $"--Manifest:TermsUrl={ManifestTestValues.TermsUrl}"],
            environment);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(result.StandardError);
        await using var archive = await ZipFile.OpenReadAsync(zip, TestContext.Current.CancellationToken);
        Assert.Equal(
            [ManifestPackager.ColorIconEntry, ManifestPackager.ManifestEntry, ManifestPackager.OutlineIconEntry],
            archive.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        await using var stream = await archive.GetEntry(ManifestPackager.ManifestEntry)!.OpenAsync(TestContext.Current.CancellationToken);
        var manifest = (await JsonNode.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken))!;
        Assert.Equal(ManifestTestValues.BotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("1.0.0", manifest["version"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.DeveloperName, manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.PrivacyUrl, manifest["developer"]!["privacyUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task ManifestVerb_WithoutOut_Exits2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["manifest"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("--out", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_Exits2WithUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["publish"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'publish'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("manifest --out", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_PrintsUsageAndExits0(string argument)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync([argument], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("Manifest:PrivacyUrl", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:3978" }, false)]
    [InlineData(new[] { "Storage:Provider=Postgres" }, false)]
    [InlineData(new[] { "--environment=Development" }, false)]
    [InlineData(new[] { "manifest", "--out", "app.zip" }, true)]
    [InlineData(new[] { "publish" }, true)]
    [InlineData(new[] { "--help" }, true)]
    public void IsVerb_TellsCommandsFromHostArguments(string[] args, bool expected)
    {
        Assert.Equal(expected, CommandLine.IsVerb(args));
    }

    private static void AssertNoStackTrace(CommandResult result)
    {
        var all = result.StandardOutput + result.StandardError;
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }

    private Task<CommandResult> RunBotAsync(string[] args, IDictionary<string, string> environment) =>
        BotCommand.RunAsync(args, environment, _folder, dropVariable: key =>
            key.StartsWith("Manifest__", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("Manifest:", StringComparison.OrdinalIgnoreCase)
            || key.Equals("MicrosoftAppId", StringComparison.OrdinalIgnoreCase));
}
