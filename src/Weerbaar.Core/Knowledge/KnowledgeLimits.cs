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

    /// <summary>How deep YAML lists and maps may sit inside each other (the scenario needs 5).</summary>
    public const int MaxNestingDepth = 10;
}
