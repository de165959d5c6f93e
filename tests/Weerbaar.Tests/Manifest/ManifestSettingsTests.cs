using Microsoft.Extensions.Configuration;
using Weerbaar.Bot.Cli;

namespace Weerbaar.Tests.Manifest;

public sealed class ManifestSettingsTests
{
    [Fact]
    public void FromConfiguration_WithoutIds_TakesBotAndAppIdFromMicrosoftAppId()
    {
        var settings = ManifestSettings.FromConfiguration(Configuration(("MicrosoftAppId", ManifestTestValues.BotId)));

        Assert.Equal(ManifestTestValues.BotId, settings.BotId);
        Assert.Equal(ManifestTestValues.BotId, settings.AppId);
        Assert.Equal("1.0.0", settings.Version);
    }

    [Fact]
    public void FromConfiguration_ExplicitIdsWinOverMicrosoftAppId()
    {
        var settings = ManifestSettings.FromConfiguration(Configuration(
            ("MicrosoftAppId", "11111111-1111-1111-1111-111111111111"),
            ("Manifest:BotId", ManifestTestValues.BotId),
            ("Manifest:AppId", ManifestTestValues.AppId),
            ("Manifest:Version", "3.0.1")));

        Assert.Equal(ManifestTestValues.BotId, settings.BotId);
        Assert.Equal(ManifestTestValues.AppId, settings.AppId);
        Assert.Equal("3.0.1", settings.Version);
    }

    [Fact]
    public void Validate_BlankValues_AreReportedAsMissingKeys()
    {
        var settings = ManifestSettings.FromConfiguration(Configuration(
            ("MicrosoftAppId", ""),
            ("Manifest:DeveloperName", "   "),
            ("Manifest:WebsiteUrl", ManifestTestValues.WebsiteUrl)));

        var validation = settings.Validate();

        Assert.False(validation.IsValid);
        Assert.Equal(
            ["Manifest:BotId", "Manifest:DeveloperName", "Manifest:PrivacyUrl", "Manifest:TermsUrl"],
            validation.MissingKeys);
    }

    [Fact]
    public void Validate_TestValues_AreValid()
    {
        var validation = ManifestTestValues.Settings().Validate();

        Assert.True(validation.IsValid, string.Join(" ", validation.Describe()));
    }

    [Theory]
    [InlineData(nameof(ManifestSettings.BotId), "not-a-guid")]
    [InlineData(nameof(ManifestSettings.BotId), "{6b1f0c9e-3a52-4d8e-9c71-2f4e8a0b5d13}")]
    [InlineData(nameof(ManifestSettings.AppId), "6b1f0c9e3a524d8e9c712f4e8a0b5d13")]
    [InlineData(nameof(ManifestSettings.WebsiteUrl), "http://example.org/")]
    [InlineData(nameof(ManifestSettings.PrivacyUrl), "example.org/privacy")]
    [InlineData(nameof(ManifestSettings.TermsUrl), "https://example.org/voor waarden")]
    [InlineData(nameof(ManifestSettings.DeveloperName), "Een naam die langer is dan tweeëndertig tekens")]
    [InlineData(nameof(ManifestSettings.Version), "1.0")]
    [InlineData(nameof(ManifestSettings.Version), "1.0.0-beta")]
    public void Validate_InvalidValue_IsNamed(string property, string value)
    {
        var settings = ManifestTestValues.Settings();
        typeof(ManifestSettings).GetProperty(property)!.SetValue(settings, value);

        var validation = settings.Validate();

        Assert.Empty(validation.MissingKeys);
        var problem = Assert.Single(validation.Problems);
        Assert.StartsWith($"Manifest:{property} ", problem, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
}
