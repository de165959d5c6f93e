namespace Weerbaar.Core.Knowledge;

/// <summary>What an admin (or the seed import) did to a knowledge item.</summary>
public enum KnowledgeAction
{
    DraftSaved,
    Published,
    Unpublished,
    RolledBack,
    Imported,
}

/// <summary>
/// One line of the audit trail (<c>beheer log</c>): who did what to which item and version, when, and why. The actor
/// is an admin, named on purpose: admins answer for the content.
/// </summary>
public sealed class KnowledgeAuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The admin's Entra object id, or "seed" / "cli" for imports without a person.</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public KnowledgeAction Action { get; set; }

    public KnowledgeKind Kind { get; set; }

    public required string Key { get; set; }

    public int VersionNumber { get; set; }

    public required string Summary { get; set; }
}
