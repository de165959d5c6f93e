using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// Builds the Teams app package: <c>manifest/manifest.json</c> with its <c>{{PLACEHOLDERS}}</c> filled from
/// <see cref="ManifestSettings"/>, and the two icons, zipped at the root as Teams requires. The template and icons
/// are embedded in this assembly, so packaging works from the built binaries alone.
/// </summary>
public static partial class ManifestPackager
{
    public const string ManifestEntry = "manifest.json";
    public const string ColorIconEntry = "color.png";
    public const string OutlineIconEntry = "outline.png";

    private const string ResourcePrefix = "manifest/";

    // manifest.json is read as JSON only, never embedded in HTML, so the relaxed encoder is safe here and keeps
    // Dutch letters and quotes readable for whoever opens the package ("coördinator", not "co\u00F6rdinator").
    private static readonly JsonSerializerOptions ManifestJsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The filled manifest. Values are set as JSON strings on the parsed template, never spliced into text.</summary>
    public static JsonObject BuildManifest(ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var validation = settings.Validate();
        if (!validation.IsValid)
        {
            throw new ArgumentException(string.Join(" ", validation.Describe()), nameof(settings));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BOT_ID"] = settings.BotId!,
            ["APP_ID"] = settings.AppId!,
            ["DEVELOPER_NAME"] = settings.DeveloperName!,
            ["WEBSITE_URL"] = settings.WebsiteUrl!,
            ["PRIVACY_URL"] = settings.PrivacyUrl!,
            ["TERMS_URL"] = settings.TermsUrl!,
            ["VERSION"] = settings.Version!,
        };

        using var template = OpenResource(ManifestEntry);
        var manifest = JsonNode.Parse(template)?.AsObject()
            ?? throw new InvalidOperationException("The embedded manifest template is empty.");
        Fill(manifest, values);
        return manifest;
    }

    /// <summary>Writes the zip (manifest.json, color.png, outline.png) to <paramref name="destination"/>.</summary>
    public static async Task WritePackageAsync(ManifestSettings settings, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var manifest = BuildManifest(settings);

        await using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, ManifestJsonOptions, cancellationToken);
        }

        foreach (var icon in new[] { ColorIconEntry, OutlineIconEntry })
        {
            var entry = zip.CreateEntry(icon, CompressionLevel.Optimal);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = OpenResource(icon);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>Writes the zip to a file, creating its folder; an existing file is replaced.</summary>
    public static async Task WritePackageAsync(ManifestSettings settings, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        await WritePackageAsync(settings, file, cancellationToken);
    }

    private static Stream OpenResource(string name) =>
        typeof(ManifestPackager).Assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? throw new InvalidOperationException($"{ResourcePrefix}{name} is not embedded in {typeof(ManifestPackager).Assembly.GetName().Name}.");

    // Walks the parsed template and replaces {{NAME}} inside string values. A placeholder without a setting is a
    // template bug and fails loudly rather than shipping "{{NAME}}" to Teams.
    private static void Fill(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (FilledString(child, values) is { } filled)
                    {
                        obj[name] = filled;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (FilledString(array[i], values) is { } filled)
                    {
                        array[i] = filled;
                    }
                }

                break;
        }
    }

    // A new value for a string that holds placeholders; null when nothing changes (containers are filled in place).
    private static JsonValue? FilledString(JsonNode? node, IReadOnlyDictionary<string, string> values)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return Placeholder().IsMatch(text)
                ? JsonValue.Create(Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var replacement)
                    ? replacement
                    : throw new InvalidOperationException($"The manifest template uses {match.Value}, which no setting fills.")))
                : null;
        }

        if (node is not null)
        {
            Fill(node, values);
        }

        return null;
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
