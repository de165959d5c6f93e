namespace Weerbaar.Core.Knowledge;

/// <summary>
/// How much knowledge content is read, whatever way it comes in (seed folder, <c>kb validate</c>, <c>kb import</c>, an
/// upload in Teams, an admin's edit). Content past a limit is refused with a problem, never read further, so that a
/// file made to exhaust memory or the stack only costs a problem line.
/// </summary>
public static class KnowledgeLimits
{
    /// <summary>The largest knowledge file (and stored version), in characters; files are read as at most this many bytes.</summary>
    public const int MaxFileLength = 100 * 1024;

    /// <summary>The longest single YAML value (a field, a list entry) in characters; each field may have a stricter rule of its own.</summary>
    public const int MaxValueLength = 2000;

    /// <summary>How deep YAML lists and maps may sit inside each other (the scenario uses 6).</summary>
    public const int MaxNestingDepth = 10;

    /// <summary>The most a zip file, and all its files unpacked together, may hold; also the most a download from Teams may hold.</summary>
    public const int MaxBundleBytes = 10 * 1024 * 1024;

    /// <summary>The most entries a zip file may have.</summary>
    public const int MaxBundleEntries = 200;

    /// <summary>The problem of a file larger than <see cref="MaxFileLength"/>.</summary>
    public static string FileTooLarge { get; } = $"the content is larger than {MaxFileLength / 1024} KB";
}
