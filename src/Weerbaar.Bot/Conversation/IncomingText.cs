using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The text of an incoming message as the user meant it: in group chats and channels Teams puts the bot's
/// @mention (<c>&lt;at&gt;Weerbaar&lt;/at&gt;</c>) into the text, which is removed; other mentions keep the name;
/// white space is tidied.
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

        // A bot mention without its entity still arrives as an <at> tag with the bot's name: never part of the
        // question. A colleague's mention is part of it ("wat vindt @Cor ervan?"), so only the tag goes.
        var botName = activity.Recipient?.Name;
        text = AtTag().Replace(text, match =>
            string.Equals(match.Groups["name"].Value.Trim(), botName, StringComparison.OrdinalIgnoreCase) ? " " : match.Groups["name"].Value);
        text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<at>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
