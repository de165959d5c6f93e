namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The last generated answers in a conversation, by the id Teams gave the message, so Teams' own 👍/👎 on that message
/// (which names only the message) is stored for the right article. Kept in conversation state; no user, and of the
/// text only the question, masked as every kept question is (<see cref="Weerbaar.Core.Feedback.KeptQuestion"/>).
/// </summary>
// Conversation state is stored with its type names (Weerbaar.Bot.Conversation.*): moving this type to the Questions
// folder would make every stored conversation unreadable, so it stays here although only Questions uses it.
public sealed class GeneratedAnswerLedger
{
    public const int Capacity = 20;

    public List<GeneratedAnswerEntry> Entries { get; set; } = [];

    public void Add(GeneratedAnswerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Entries.RemoveAll(e => e.MessageId == entry.MessageId);
        Entries.Add(entry);
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }

    /// <summary>
    /// The answer with <paramref name="messageId"/>. Teams names the message in the feedback invoke's replyToId; a
    /// client that leaves it out (the Agents Playground does) rates the latest generated answer in the conversation.
    /// </summary>
    public GeneratedAnswerEntry? Find(string? messageId) => string.IsNullOrEmpty(messageId)
        ? Entries.LastOrDefault()
        : Entries.LastOrDefault(e => e.MessageId == messageId);
}

/// <summary>One generated answer: the message, the feedback token, and the article (the first cited) it is counted for.</summary>
public sealed class GeneratedAnswerEntry
{
    public string MessageId { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string ArticleId { get; set; } = string.Empty;

    public int Version { get; set; }

    /// <summary>The question, already masked, so a 👎 comment on this answer shows admins what was asked.</summary>
    public string Question { get; set; } = string.Empty;
}
