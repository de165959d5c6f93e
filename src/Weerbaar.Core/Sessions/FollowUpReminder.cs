namespace Weerbaar.Core.Sessions;

/// <summary>Where a follow-up reminder stands.</summary>
public enum ReminderStatus
{
    Pending,
    Sent,

    /// <summary>Could not be delivered (the bot was removed, or Teams kept refusing); not tried again.</summary>
    Failed,
}

/// <summary>
/// A reminder, some weeks after a session, asking the group how its agreements are going. It keeps what is needed to
/// post in that conversation later (a conversation reference): channel, conversation, service URL and the bot's id.
/// </summary>
public sealed class FollowUpReminder
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The bot's own id in that conversation (the "28:…" id).</summary>
    public required string BotId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public ReminderStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
