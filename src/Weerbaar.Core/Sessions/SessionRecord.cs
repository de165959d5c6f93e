namespace Weerbaar.Core.Sessions;

/// <summary>
/// A session as stored: where it runs (the conversation, to reply and update the shared card), its state as JSON,
/// and <see cref="Version"/>, the optimistic concurrency token every change is checked against.
/// </summary>
public sealed class SessionRecord
{
    public Guid Id { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? TenantId { get; set; }

    /// <summary>
    /// The facilitator's Teams user id (the "29:…" id), for the shared card's automatic refresh: Teams then shows them
    /// their own view with the controls.
    /// </summary>
    public string? FacilitatorUserId { get; set; }

    /// <summary>The activity id of the shared session card, updated in place on step changes.</summary>
    public string? SharedCardActivityId { get; set; }

    public SessionStatus Status { get; set; }

    public required string State { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One card action that changed a session, kept so a repeated action (a double click arrives as two activities with
/// different ids) is processed once and gets its original response. Holds what the response is made from — the
/// decision and the version token of the card that answered — rather than the rendered card, so the record stays
/// free of layout and the repeat is rendered by the same code as the first answer. Written in the same transaction
/// as the change.
/// </summary>
public sealed class SessionActionRecord
{
    public required string Key { get; set; }

    public Guid SessionId { get; set; }

    /// <summary>The engine's <see cref="SessionDecision"/> as JSON (<see cref="SessionStateJson"/>).</summary>
    public required string Decision { get; set; }

    /// <summary>The card token the response card carried.</summary>
    public required string CardVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A session report served through an unguessable link until it expires.</summary>
public sealed class SessionReportRecord
{
    public required string Token { get; set; }

    public Guid SessionId { get; set; }

    public required string Markdown { get; set; }

    public required string Html { get; set; }

    /// <summary>The same report as a Word document, made with the others; null for reports stored before it existed.</summary>
    public byte[]? Word { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
