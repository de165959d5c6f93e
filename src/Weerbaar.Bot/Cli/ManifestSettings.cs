using System.Text.RegularExpressions;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// The values that turn <c>manifest/manifest.json</c> into a Teams app package, from the <c>Manifest</c> section of
/// the configuration. The repository holds no ids, names or URLs of its own: every deployment brings its own.
/// </summary>
public sealed partial class ManifestSettings
{
    public const string SectionName = "Manifest";

    public const string DefaultVersion = "1.0.0";

    /// <summary>The bot's Microsoft App ID (the Azure Bot registration); defaults to <c>MicrosoftAppId</c>.</summary>
    public string? BotId { get; set; }

    /// <summary>The Teams app id; defaults to the bot id, which is what Teams expects for a bot-only app.</summary>
    public string? AppId { get; set; }

    /// <summary>The publisher's name shown in Teams (at most 32 characters).</summary>
    public string? DeveloperName { get; set; }

    public string? WebsiteUrl { get; set; }

    public string? PrivacyUrl { get; set; }

    public string? TermsUrl { get; set; }

    /// <summary>The app package version, major.minor.patch; Teams only takes an upload whose version went up.</summary>
    public string? Version { get; set; }

    /// <summary>Reads the <c>Manifest</c> section and fills the defaults.</summary>
    public static ManifestSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new ManifestSettings();
        configuration.GetSection(SectionName).Bind(settings);
        settings.BotId = Clean(settings.BotId) ?? Clean(configuration["MicrosoftAppId"]);
        settings.AppId = Clean(settings.AppId) ?? settings.BotId;
        settings.DeveloperName = Clean(settings.DeveloperName);
        settings.WebsiteUrl = Clean(settings.WebsiteUrl);
        settings.PrivacyUrl = Clean(settings.PrivacyUrl);
        settings.TermsUrl = Clean(settings.TermsUrl);
        settings.Version = Clean(settings.Version) ?? DefaultVersion;
        return settings;
    }

    /// <summary>Checks every value against what the Teams manifest schema accepts.</summary>
    public ManifestSettingsValidation Validate()
    {
        var missing = new List<string>();
        var problems = new List<string>();

        CheckGuid(BotId, nameof(BotId), "the bot's Microsoft App ID; defaults to MicrosoftAppId");
        // The app id usually is the bot id (the default); one wrong value is then reported once.
        if (!string.Equals(AppId, BotId, StringComparison.Ordinal))
        {
            CheckGuid(AppId, nameof(AppId), "the Teams app id; defaults to the bot id");
        }

        if (!IsMissing(DeveloperName, nameof(DeveloperName)) && DeveloperName!.Length > 32)
        {
            problems.Add($"{Key(nameof(DeveloperName))} is longer than 32 characters.");
        }

        CheckHttpsUrl(WebsiteUrl, nameof(WebsiteUrl));
        CheckHttpsUrl(PrivacyUrl, nameof(PrivacyUrl));
        CheckHttpsUrl(TermsUrl, nameof(TermsUrl));
        if (!IsMissing(Version, nameof(Version)) && !SemanticVersion().IsMatch(Version!))
        {
            problems.Add($"{Key(nameof(Version))} '{Version}' is not a version like 1.0.0 (major.minor.patch).");
        }

        return new ManifestSettingsValidation(missing, problems);

        bool IsMissing(string? value, string name)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return false;
            }

            missing.Add(Key(name));
            return true;
        }

        void CheckGuid(string? value, string name, string meaning)
        {
            // The schema wants the 8-4-4-4-12 form exactly, without braces.
            if (!IsMissing(value, name) && !Guid.TryParseExact(value, "D", out _))
            {
                problems.Add($"{Key(name)} '{value}' is not a GUID ({meaning}).");
            }
        }

        void CheckHttpsUrl(string? value, string name)
        {
            if (IsMissing(value, name))
            {
                return;
            }

            if (value!.Length > 2048
                || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps
                || string.IsNullOrEmpty(uri.Host)
                || value.Any(char.IsWhiteSpace))
            {
                problems.Add($"{Key(name)} '{value}' is not an https URL.");
            }
        }
    }

    /// <summary>The configuration key of a property, as an operator types it.</summary>
    public static string Key(string propertyName) => $"{SectionName}:{propertyName}";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The semver pattern of the Teams schema's "semver" definition: three numbers, no pre-release label.
    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();
}

/// <summary>The outcome of <see cref="ManifestSettings.Validate"/>: configuration keys without a value, and values that are wrong.</summary>
public sealed record ManifestSettingsValidation(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> Problems)
{
    public bool IsValid => MissingKeys.Count == 0 && Problems.Count == 0;

    /// <summary>Lines for an operator: what is missing, what is wrong, and where settings come from.</summary>
    public IEnumerable<string> Describe()
    {
        if (MissingKeys.Count > 0)
        {
            yield return "Missing settings: " + string.Join(", ", MissingKeys) + ".";
        }

        if (MissingKeys.Contains(ManifestSettings.Key(nameof(ManifestSettings.BotId))))
        {
            yield return "Manifest:BotId defaults to MicrosoftAppId, the bot's app registration.";
        }

        foreach (var problem in Problems)
        {
            yield return problem;
        }

        yield return "Set them in appsettings.json, as environment variables (Manifest__BotId=...) or as arguments (--Manifest:BotId=...).";
    }
}
