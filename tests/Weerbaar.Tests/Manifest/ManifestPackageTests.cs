using System.Globalization;
using System.Text.Json.Nodes;
using Weerbaar.Bot.Cli;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Sessions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Manifest;

/// <summary>
/// The Teams app package as <see cref="ManifestPackager"/> builds it, checked against the official manifest schema
/// (npm @microsoft/app-manifest) and against what Teams wants of the icons.
/// </summary>
public sealed class ManifestPackageTests(ManifestPackageFixture package) : IClassFixture<ManifestPackageFixture>
{
    private static readonly string[] BotScopes = ["personal", "groupChat", "team"];

    [Fact]
    public async Task Manifest_PassesTheOfficialSchema()
    {
        var result = await ValidateAsync(package.Manifest);

        Assert.True(result["schemaFound"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Empty(result["errors"]!.AsArray().Select(error => error!.GetValue<string>()));
    }

    [Fact]
    public async Task SchemaValidator_RejectsABrokenManifest()
    {
        // Proves the validation above can fail: a bot id that is no GUID and a missing developer are schema errors.
        var broken = package.Manifest.DeepClone().AsObject();
        broken["bots"]![0]!["botId"] = "not-a-guid";
        broken.Remove("developer");

        var errors = (await ValidateAsync(broken))["errors"]!.AsArray().Select(error => error!.GetValue<string>()).ToList();

        Assert.Contains(errors, error => error.StartsWith("/bots/0/botId ", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("'developer'", StringComparison.Ordinal));
    }

    [Fact]
    public void Manifest_UsesAStableSchemaVersionOfAtLeast117()
    {
        var manifestVersion = package.Manifest["manifestVersion"]!.GetValue<string>();

        // "devPreview" is the preview schema; numbered versions are the published ones.
        Assert.True(Version.TryParse(manifestVersion, out var version), $"manifestVersion '{manifestVersion}' is not a numbered version");
        Assert.True(version >= new Version(1, 17), $"manifestVersion {manifestVersion} is older than 1.17");
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{manifestVersion}/MicrosoftTeams.schema.json",
            package.Manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Manifest_HoldsTheSettingsAndNoPlaceholders()
    {
        var manifest = package.Manifest;

        Assert.Equal(ManifestTestValues.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.Version, manifest["version"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.DeveloperName, manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.WebsiteUrl, manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.PrivacyUrl, manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal(ManifestTestValues.TermsUrl, manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_NamesTheBotWeerbaarWithDutchDescriptions()
    {
        var manifest = package.Manifest;

        Assert.Equal("Weerbaar", manifest["name"]!["short"]!.GetValue<string>());
        var full = manifest["description"]!["full"]!.GetValue<string>();
        Assert.Contains("maatschappelijke weerbaarheid", full, StringComparison.Ordinal);
        // EU AI Act art. 50: users are told up front that they talk to an AI system.
        Assert.Contains("AI-systeem", full, StringComparison.Ordinal);
        Assert.Contains("fouten maken", full, StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_IsInPersonalGroupChatAndTeamScopes_AndAcceptsFiles()
    {
        var bots = package.Manifest["bots"]!.AsArray();

        var bot = Assert.Single(bots)!;
        Assert.Equal(BotScopes, bot["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>()));
        // Without it Teams sends no files to the bot, and admins could not import knowledge files in the personal chat.
        Assert.True(bot["supportsFiles"]!.GetValue<bool>());
    }

    [Fact]
    public void CommandLists_OfferHelpAndTheGesprekstoolInEveryScope_AndOnlyCommandsThatWork()
    {
        var lists = package.Manifest["bots"]![0]!["commandLists"]!.AsArray();

        var listedScopes = lists.SelectMany(list => list!["scopes"]!.AsArray().Select(scope => scope!.GetValue<string>())).ToList();
        Assert.Equal(BotScopes.Order(), listedScopes.Order());
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(command => command!["title"]!.GetValue<string>()).ToList();
            Assert.Contains("help", titles);
            Assert.Contains("start sessie", titles);
            foreach (var title in titles)
            {
                // A listed command is one the bot recognises, or an example question (any question is answered).
                Assert.True(
                    UserCommand.Parse(title) == UserCommandKind.Help
                        || SessionCommandTable.FromText(title)?.Action is SessionAction.OpenSetup or SessionAction.Report
                        || title.EndsWith('?'),
                    $"Command '{title}' is neither a command the bot knows nor a question.");
            }
        }
    }

    [Fact]
    public void Package_HoldsManifestAndIconsAtTheRoot()
    {
        Assert.Equal(
            new[] { ManifestPackager.ColorIconEntry, ManifestPackager.ManifestEntry, ManifestPackager.OutlineIconEntry },
            package.EntryNames.Order(StringComparer.Ordinal));
        var icons = package.Manifest["icons"]!;
        Assert.Equal(ManifestPackager.ColorIconEntry, icons["color"]!.GetValue<string>());
        Assert.Equal(ManifestPackager.OutlineIconEntry, icons["outline"]!.GetValue<string>());
    }

    [Fact]
    public void Package_IconsAreTheCommittedFiles()
    {
        Assert.Equal(File.ReadAllBytes(RepoPaths.Of("manifest", "color.png")), package.Entry(ManifestPackager.ColorIconEntry));
        Assert.Equal(File.ReadAllBytes(RepoPaths.Of("manifest", "outline.png")), package.Entry(ManifestPackager.OutlineIconEntry));
    }

    [Fact]
    public void Icons_HaveTheSizesTeamsRequires()
    {
        Assert.Equal((192, 192), PngImage.ReadSize(package.Entry(ManifestPackager.ColorIconEntry)));
        Assert.Equal((32, 32), PngImage.ReadSize(package.Entry(ManifestPackager.OutlineIconEntry)));
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnFullyTransparent()
    {
        var outline = PngImage.Decode(package.Entry(ManifestPackager.OutlineIconEntry));

        var wrong = outline.Pixels()
            .Where(p => p.Pixel.A != 0 && (p.Pixel.R, p.Pixel.G, p.Pixel.B) != (255, 255, 255))
            .Select(p => $"({p.X},{p.Y})={p.Pixel}")
            .Take(5)
            .ToList();
        Assert.Empty(wrong);
        Assert.Contains(outline.Pixels(), p => p.Pixel.A == 255);
        Assert.Contains(outline.Pixels(), p => p.Pixel.A == 0);
        // The corners are background, so the background really is transparent.
        Assert.Equal(0, outline[0, 0].A);
        Assert.Equal(0, outline[31, 31].A);
    }

    [Fact]
    public void ColorIcon_BackgroundIsTheAccentColor()
    {
        var color = PngImage.Decode(package.Entry(ManifestPackager.ColorIconEntry));
        var accent = package.Manifest["accentColor"]!.GetValue<string>();

        var corner = color[0, 0];
        Assert.Equal(accent.ToUpperInvariant(), string.Create(CultureInfo.InvariantCulture, $"#{corner.R:X2}{corner.G:X2}{corner.B:X2}"));
        Assert.Equal(255, corner.A);
        Assert.Contains(color.Pixels(), p => p.Pixel == (255, 255, 255, 255));
    }

    [Fact]
    public void BuildManifest_WithInvalidSettings_Throws()
    {
        var settings = ManifestTestValues.Settings();
        settings.PrivacyUrl = "http://example.org/privacy";

        var error = Assert.Throws<ArgumentException>(() => ManifestPackager.BuildManifest(settings));
        Assert.Contains("Manifest:PrivacyUrl", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ValidateAsync(JsonObject manifest) =>
        await NodeScript.RunAsync("manifest.mjs", new JsonObject { ["manifest"] = manifest.DeepClone() }, TestContext.Current.CancellationToken);
}
