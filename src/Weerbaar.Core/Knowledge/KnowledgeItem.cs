namespace Weerbaar.Core.Knowledge;

/// <summary>
/// One piece of knowledge content (an article, the resources catalogue, the synonyms) with all its versions.
/// Users get <see cref="PublishedVersionId"/>; the seed file it was last imported from is remembered by hash.
/// </summary>
public sealed class KnowledgeItem
{
    public int Id { get; set; }

    public KnowledgeKind Kind { get; set; }

    public required string Key { get; set; }

    public int? PublishedVersionId { get; set; }

    /// <summary>The hash of the seed file last imported for this item; a redeploy with the same file changes nothing.</summary>
    public string? LastSeedHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised on every change, so two admins (or instances) cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<KnowledgeItemVersion> Versions { get; } = [];
}

/// <summary>Where a version of knowledge content stands.</summary>
public enum KnowledgeVersionStatus
{
    /// <summary>Waiting for an admin; not shown to users.</summary>
    Draft,

    /// <summary>The version users get.</summary>
    Published,

    /// <summary>Was published before; kept for history and rollback.</summary>
    Retired,
}

/// <summary>One version of a knowledge item: the full file text, who made it, when and why.</summary>
public sealed class KnowledgeItemVersion
{
    /// <summary>The author of versions imported from the seed files.</summary>
    public const string SeedAuthor = "seed";

    public int Id { get; set; }

    public int ItemId { get; set; }

    /// <summary>1, 2, 3 … per item.</summary>
    public int Number { get; set; }

    public required string Content { get; set; }

    public KnowledgeVersionStatus Status { get; set; }

    public required string Author { get; set; }

    public required string ChangeSummary { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A single counter raised whenever the published knowledge changes, so every instance can tell cheaply whether
/// its search index is out of date.
/// </summary>
public sealed class KnowledgeRevision
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Number { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
