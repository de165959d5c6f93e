using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The text of an incoming message as the user meant it: in group chats and channels Teams puts the bot's
/// @mention (<c>&lt;at&gt;Weerbaar&lt;/at&gt;</c>) into the text, which is removed; white space is tidied.
/// </summary>
public static partial class IncomingText
{
    public static string Of(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var mention in activity.GetMentions())
        {
            if (mention.Mentioned?.Id == botId && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        // A mention of the bot whose entity is missing still arrives as an <at> tag; it is never part of the question.
        text = AtTag().Replace(text, " ").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
