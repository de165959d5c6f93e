namespace Weerbaar.Core.Storage;

/// <summary>
/// One item of conversational state (conversation or user state of the bot), stored as a JSON document.
/// <see cref="Version"/> is the optimistic concurrency token; it doubles as the item's ETag.
/// </summary>
public sealed class StateRecord
{
    /// <summary>The storage key, e.g. <c>msteams/conversations/{id}/</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The serialized item.</summary>
    public required string Document { get; set; }

    /// <summary>Raised by one on every write.</summary>
    public long Version { get; set; }

    /// <summary>When the item was last written (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
