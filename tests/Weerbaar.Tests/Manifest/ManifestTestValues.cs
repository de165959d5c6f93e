using Weerbaar.Bot.Cli;

namespace Weerbaar.Tests.Manifest;

/// <summary>
/// Settings for test packages. The URLs use example.org, which is reserved for documentation; the developer name
/// holds characters that would break JSON built by string concatenation.
/// </summary>
public static class ManifestTestValues
{
    public const string BotId = "6b1f0c9e-3a52-4d8e-9c71-2f4e8a0b5d13";
    public const string AppId = "0f3c9a7d-8e21-4b6a-a5d9-71c2e4f08b36";
    public const string DeveloperName = "Gem. \"Test\" \\ <b>&amp;";
    public const string WebsiteUrl = "https://example.org/weerbaar";
    public const string PrivacyUrl = "https://example.org/weerbaar/privacy";
    public const string TermsUrl = "https://example.org/weerbaar/voorwaarden";
    public const string Version = "2.3.4";

    public static ManifestSettings Settings() => new()
    {
        BotId = BotId,
        AppId = AppId,
        DeveloperName = DeveloperName,
        WebsiteUrl = WebsiteUrl,
        PrivacyUrl = PrivacyUrl,
        TermsUrl = TermsUrl,
        Version = Version,
    };
}
