using System.Text;

namespace Weerbaar.Core.Knowledge;

/// <summary>Reads the knowledge files of a folder in the <c>knowledge/</c> layout.</summary>
public static class KnowledgeFolder
{
    /// <summary>
    /// The files of <paramref name="folder"/>; a file larger than <see cref="KnowledgeLimits.MaxFileLength"/> is not read
    /// but left out with a problem, so one oversized file costs a problem line, not the process's memory.
    /// </summary>
    public static IReadOnlyList<KnowledgeFile> Read(string folder, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var files = new List<KnowledgeFile>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        var articles = Path.Combine(folder, KnowledgeFile.ArticlesFolder);
        if (Directory.Exists(articles))
        {
            foreach (var path in Directory.GetFiles(articles, "*.md").Order(StringComparer.Ordinal))
            {
                Add($"{KnowledgeFile.ArticlesFolder}/{Path.GetFileName(path)}", path);
            }
        }

        foreach (var name in new[] { KnowledgeFile.ResourceCatalogPath, KnowledgeFile.SynonymsPath, KnowledgeFile.ScenarioPath })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                Add(name, path);
            }
        }

        return files;

        void Add(string relativePath, string path)
        {
            if (ReadAtMost(path) is string text)
            {
                files.Add(KnowledgeFile.ForPath(relativePath, text));
            }
            else
            {
                problems.Add(new KnowledgeProblem(relativePath, 1, KnowledgeLimits.FileTooLarge));
            }
        }
    }

    // The length is checked on the bytes read, not on what the file system says, since a file may grow meanwhile.
    private static string? ReadAtMost(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[KnowledgeLimits.MaxFileLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > KnowledgeLimits.MaxFileLength)
        {
            return null;
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
