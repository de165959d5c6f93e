namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The last question a conversation got an answer to, kept in conversation state so a short follow-up ("en voor
/// kinderen?") is read in its context. Only the question and the article id; it expires quickly. In a group chat or
/// channel each asker has their own (<see cref="LastAnswerPerUser"/>).
/// </summary>
// Conversation state is stored with its type names (Weerbaar.Bot.Conversation.*): moving this type to the Questions
// folder would make every stored conversation unreadable, so it stays here although only Questions uses it.
public sealed class LastAnswer
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public string Question { get; set; } = string.Empty;

    public string ArticleId { get; set; } = string.Empty;

    public DateTimeOffset AnsweredAt { get; set; }

    /// <summary>In a group chat or channel the asker's key (<see cref="LastAnswerPerUser.KeyOf"/>); empty in a personal chat.</summary>
    public string User { get; set; } = string.Empty;
}
