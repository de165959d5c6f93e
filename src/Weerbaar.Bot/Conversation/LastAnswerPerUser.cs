using Microsoft.Bot.Schema;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// In a group chat or channel, the last question each of the most recent askers got an answer to, so a short
/// follow-up is read with the asker's own previous question and never with another member's. Bounded: the asker who
/// asked longest ago is dropped first, and answers past <see cref="LastAnswer.Lifetime"/> go at the next write.
/// </summary>
// Conversation state is stored with its type names (Weerbaar.Bot.Conversation.*): keep this type and its namespace.
public sealed class LastAnswerPerUser
{
    public const int Capacity = 20;

    public List<LastAnswer> Entries { get; set; } = [];

    /// <summary>
    /// The key an asker is kept under: a hash of the Entra object id (or the Teams id when there is none), so the
    /// conversation state holds no user id.
    /// </summary>
    public static string? KeyOf(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.From?.AadObjectId is { Length: > 0 } aadObjectId ? aadObjectId : activity.From?.Id;
        return string.IsNullOrEmpty(id) ? null : IdHash.Of(id);
    }

    public LastAnswer? For(string user) => Entries.LastOrDefault(e => e.User == user);

    public void Remember(LastAnswer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Entries.RemoveAll(e => e.User == answer.User || now - e.AnsweredAt >= LastAnswer.Lifetime);
        Entries.Add(answer);
        if (Entries.Count > Capacity)
        {
            Entries.RemoveRange(0, Entries.Count - Capacity);
        }
    }
}
