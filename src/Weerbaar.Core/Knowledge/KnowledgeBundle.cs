using System.IO.Compression;
using System.Text;

namespace Weerbaar.Core.Knowledge;

/// <summary>What was read from an upload: the knowledge files, or — when anything is wrong — only the problems.</summary>
public sealed record KnowledgeBundleContent(IReadOnlyList<KnowledgeFile> Files, IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads knowledge content that comes from outside (an admin's upload, a bulk import): one article (<c>.md</c>, its key
/// is the file name) or a zip file in the knowledge/ layout, where an article at the root counts as <c>articles/</c>.
/// Nothing is trusted: paths must stay inside the layout, and the number of entries, the size of each and their total
/// are capped on the bytes actually read, so a zip bomb or a lying header cannot exhaust memory or cut content short.
/// A bundle with any problem yields no files, so a caller cannot import half of it.
/// </summary>
public static class KnowledgeBundle
{
    private const string MacMetadataFolder = "__MACOSX/";
    private const string NotTextMessage = "the file is not UTF-8 text";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads <paramref name="content"/>; <paramref name="fileName"/> (as uploaded) decides whether it is an article or a zip file.</summary>
    public static async Task<KnowledgeBundleContent> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        // Browsers may send a full client path (C:\fakepath\x.md); only the name counts.
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var extension = Path.GetExtension(name);
        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = await LimitedRead.ReadAtMostAsync(content, KnowledgeLimits.MaxFileLength, cancellationToken);
            if (bytes is null)
            {
                return Refused(name, KnowledgeLimits.FileTooLarge);
            }

            return Decode(bytes) is string text
                ? new KnowledgeBundleContent([KnowledgeFile.ForArticle(Path.GetFileNameWithoutExtension(name), text)], [])
                : Refused(name, NotTextMessage);
        }

        if (extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = await LimitedRead.ReadAtMostAsync(content, KnowledgeLimits.MaxBundleBytes, cancellationToken);
            return bytes is null
                ? Refused(name, $"the zip file is larger than {KnowledgeLimits.MaxBundleBytes / 1024 / 1024} MB")
                : await ReadZipAsync(name, bytes, cancellationToken);
        }

        return Refused(name, "unknown file type: use an article (.md) or a zip file (.zip)");
    }

    private static async Task<KnowledgeBundleContent> ReadZipAsync(string name, byte[] bytes, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return Refused(name, "the file is not a valid zip file");
        }

        using (archive)
        {
            if (archive.Entries.Count > KnowledgeLimits.MaxBundleEntries)
            {
                return Refused(name, $"the zip file has more than {KnowledgeLimits.MaxBundleEntries} entries");
            }

            var files = new List<KnowledgeFile>();
            var problems = new List<KnowledgeProblem>();
            var paths = new HashSet<string>(StringComparer.Ordinal);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var entryName = entry.FullName;
                // Folders carry no content; macOS adds resource forks under __MACOSX/ to every zip it makes.
                if ((entryName.EndsWith('/') && entry.Length == 0) || entryName.StartsWith(MacMetadataFolder, StringComparison.Ordinal))
                {
                    continue;
                }

                if (LayoutPath(entryName, out var refusal) is not string path)
                {
                    problems.Add(new KnowledgeProblem(entryName, 1, refusal));
                    continue;
                }

                if (!paths.Add(path))
                {
                    problems.Add(new KnowledgeProblem(entryName, 1, $"the zip file holds {path} more than once"));
                    continue;
                }

                if (entry.Length > KnowledgeLimits.MaxFileLength)
                {
                    problems.Add(new KnowledgeProblem(entryName, 1, KnowledgeLimits.FileTooLarge));
                    continue;
                }

                var data = await ReadEntryAsync(entry, cancellationToken);
                // An entry given up on counts as the most it may hold.
                total += data.Bytes?.Length ?? KnowledgeLimits.MaxFileLength;
                if (total > KnowledgeLimits.MaxBundleBytes)
                {
                    problems.Add(new KnowledgeProblem(name, 1, $"the files in the zip file are larger than {KnowledgeLimits.MaxBundleBytes / 1024 / 1024} MB together"));
                    break;
                }

                if (data.Problem is not null)
                {
                    problems.Add(new KnowledgeProblem(entryName, 1, data.Problem));
                }
                else if (Decode(data.Bytes!) is string text)
                {
                    files.Add(KnowledgeFile.ForPath(path, text));
                }
                else
                {
                    problems.Add(new KnowledgeProblem(entryName, 1, NotTextMessage));
                }
            }

            return problems.Count > 0 ? new KnowledgeBundleContent([], problems) : new KnowledgeBundleContent(files, []);
        }
    }

    private static async Task<(byte[]? Bytes, string? Problem)> ReadEntryAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = entry.Open();
            var bytes = await LimitedRead.ReadAtMostAsync(stream, KnowledgeLimits.MaxFileLength, cancellationToken);
            if (bytes is null)
            {
                return (null, KnowledgeLimits.FileTooLarge);
            }

            return bytes.Length == entry.Length && Crc32.Compute(bytes) == entry.Crc32
                ? (bytes, null)
                : (bytes, "the file is damaged: its content does not match the size or checksum in the zip file");
        }
        catch (InvalidDataException)
        {
            return (null, "the file is damaged or compressed in a way that cannot be read");
        }
    }

    // Where an entry goes in the knowledge/ layout, or null and why not. Only plain relative paths with forward slashes
    // are accepted: whatever could point elsewhere on some system (.., /, C:, \) is refused rather than cleaned up.
    private static string? LayoutPath(string entryName, out string refusal)
    {
        refusal = string.Empty;
        var segments = entryName.Split('/');
        if (entryName.Contains('\\', StringComparison.Ordinal) || entryName.Contains(':', StringComparison.Ordinal) || entryName.Any(char.IsControl)
            || segments.Any(s => s is "" or "." or ".."))
        {
            refusal = "the path is not a plain relative path inside the knowledge folder (no '..', '/' at the start, drive letters or backslashes)";
            return null;
        }

        if (entryName is KnowledgeFile.ResourceCatalogPath or KnowledgeFile.SynonymsPath or KnowledgeFile.ScenarioPath)
        {
            return entryName;
        }

        var article = segments switch
        {
            [var name] => name,
            [KnowledgeFile.ArticlesFolder, var name] => name,
            _ => null,
        };
        if (article is not null && article.Length > ".md".Length && article.EndsWith(".md", StringComparison.Ordinal))
        {
            return $"{KnowledgeFile.ArticlesFolder}/{article}";
        }

        refusal = $"not a knowledge file: use {KnowledgeFile.ArticlesFolder}/NAME.md, NAME.md, {KnowledgeFile.ResourceCatalogPath}, {KnowledgeFile.SynonymsPath} or {KnowledgeFile.ScenarioPath}";
        return null;
    }

    // Strict UTF-8 (an invalid byte is an error, not a replacement character); a NUL means binary content.
    private static string? Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(ByteOrderMark))
        {
            span = span[ByteOrderMark.Length..];
        }

        try
        {
            var text = StrictUtf8.GetString(span);
            return text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static KnowledgeBundleContent Refused(string name, string message) => new([], [new KnowledgeProblem(name, 1, message)]);
}
