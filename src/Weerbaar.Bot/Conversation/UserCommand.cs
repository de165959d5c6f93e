namespace Weerbaar.Bot.Conversation;

/// <summary>The typed commands the bot recognises; any other text is a question.</summary>
public enum UserCommandKind
{
    Question,
    Help,
}

/// <summary>Reads a typed message (mention already removed) as a command or a question.</summary>
public static class UserCommand
{
    private static readonly HashSet<string> HelpWords = new(StringComparer.OrdinalIgnoreCase) { "help", "hulp", "?", "/help" };

    public static UserCommandKind Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('!', '.');
        return HelpWords.Contains(trimmed) ? UserCommandKind.Help : UserCommandKind.Question;
    }
}
