using System.IO.Compression;
using System.Text.Json.Nodes;
using Weerbaar.Bot.Cli;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Manifest;

/// <summary>
/// One Teams app package built in process with <see cref="ManifestTestValues"/>, written to a temporary folder
/// and read back from the zip, shared by the tests of a class.
/// </summary>
public sealed class ManifestPackageFixture : IAsyncLifetime
{
    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public string ZipPath { get; private set; } = string.Empty;

    /// <summary>The entry names exactly as stored in the zip.</summary>
    public IReadOnlyList<string> EntryNames { get; private set; } = [];

    public JsonObject Manifest { get; private set; } = [];

    public byte[] Entry(string name) =>
        _entries.TryGetValue(name, out var bytes) ? bytes : throw new Xunit.Sdk.XunitException($"The package has no entry {name}.");

    public async ValueTask InitializeAsync()
    {
        ZipPath = Path.Combine(TestDirectories.Create("manifest"), "weerbaar.zip");
        await ManifestPackager.WritePackageAsync(ManifestTestValues.Settings(), ZipPath, TestContext.Current.CancellationToken);

        await using var zip = await ZipFile.OpenReadAsync(ZipPath, TestContext.Current.CancellationToken);
        EntryNames = zip.Entries.Select(entry => entry.FullName).ToList();
        foreach (var entry in zip.Entries)
        {
            await using var stream = await entry.OpenAsync(TestContext.Current.CancellationToken);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
            _entries[entry.FullName] = buffer.ToArray();
        }

        Manifest = JsonNode.Parse(Entry(ManifestPackager.ManifestEntry))!.AsObject();
    }

    public ValueTask DisposeAsync()
    {
        var folder = Path.GetDirectoryName(ZipPath);
        if (!string.IsNullOrEmpty(folder) && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
