using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Whether an activity comes from a conversation several people see (a group chat or a channel) rather than a
/// personal chat. Admin work, file imports and erasing personal data stay out of such conversations, and the
/// welcome there explains the @mention.
/// </summary>
public static class ConversationScope
{
    // Teams names the conversation "personal", "groupChat" (meeting chats too) or "channel".
    public static bool IsGroup(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.ConversationType is "groupChat" or "channel";
    }
}
