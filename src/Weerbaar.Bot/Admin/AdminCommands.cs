namespace Weerbaar.Bot.Admin;

/// <summary>What an admin asks for, by card button or by typing.</summary>
public enum AdminCommandKind
{
    Home,
    Search,
    New,
    NewFromQuestion,
    Edit,
    Blocks,
    Preview,
    Save,
    Publish,
    SaveText,
    PublishText,
    Unpublish,
    History,
    Rollback,
    Log,
    Questions,
    OutOfScope,
    Feedback,
}

/// <summary>One admin command: the verb of its card buttons and the words an admin may type after <c>beheer</c> for it.</summary>
public sealed record AdminCommand(AdminCommandKind Kind, string Verb, params IReadOnlyList<string> Typed)
{
    /// <summary>
    /// The name a card action is logged under: its verb. Verbs come from the client, so only the ones in this table
    /// reach the log (anything else is <see cref="AdminCommands.UnknownLogName"/>); typed commands are not logged.
    /// </summary>
    public string LogName => Verb;
}

/// <summary>
/// Every admin command, in one table: which card verb and which typed words lead to it. Typing <c>beheer</c> alone is
/// the home command (no words after it).
/// </summary>
public static class AdminCommands
{
    public const string TypedPrefix = "beheer";

    /// <summary>What an unknown verb is logged as: the client chose it, so it never reaches the log itself.</summary>
    public const string UnknownLogName = "unknown";

    public static IReadOnlyList<AdminCommand> All { get; } =
    [
        new(AdminCommandKind.Home, AdminVerb.Home, ""),
        new(AdminCommandKind.Search, AdminVerb.Search),
        new(AdminCommandKind.New, AdminVerb.New),
        new(AdminCommandKind.NewFromQuestion, AdminVerb.NewFromQuestion),
        new(AdminCommandKind.Edit, AdminVerb.Edit),
        new(AdminCommandKind.Blocks, AdminVerb.Blocks),
        new(AdminCommandKind.Preview, AdminVerb.Preview),
        new(AdminCommandKind.Save, AdminVerb.Save),
        new(AdminCommandKind.Publish, AdminVerb.Publish),
        new(AdminCommandKind.SaveText, AdminVerb.SaveText),
        new(AdminCommandKind.PublishText, AdminVerb.PublishText),
        new(AdminCommandKind.Unpublish, AdminVerb.Unpublish),
        new(AdminCommandKind.History, AdminVerb.History),
        new(AdminCommandKind.Rollback, AdminVerb.Rollback),
        new(AdminCommandKind.Log, AdminVerb.Log, "log", "logboek"),
        new(AdminCommandKind.Questions, AdminVerb.Questions, "vragen"),
        new(AdminCommandKind.OutOfScope, AdminVerb.OutOfScope),
        new(AdminCommandKind.Feedback, AdminVerb.Feedback, "feedback"),
    ];

    private static readonly Dictionary<string, AdminCommand> ByVerb = All.ToDictionary(c => c.Verb, StringComparer.Ordinal);

    private static readonly Dictionary<string, AdminCommand> ByTyped = All
        .SelectMany(c => c.Typed.Select(words => (words, c)))
        .ToDictionary(t => t.words, t => t.c, StringComparer.OrdinalIgnoreCase);

    public static AdminCommand? ForVerb(string verb) => ByVerb.GetValueOrDefault(verb);

    public static string LogNameOf(string verb) => ForVerb(verb)?.LogName ?? UnknownLogName;

    /// <summary>Whether <paramref name="text"/> is addressed to admin at all: its first word is <c>beheer</c>.</summary>
    public static bool IsTyped(string text, out IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        words = text.Trim().TrimEnd('.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Count > 0 && string.Equals(words[0], TypedPrefix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The command typed as <c>beheer</c> and at most one more word; null when there is none.</summary>
    public static AdminCommand? ForTyped(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count switch
        {
            1 => ByTyped.GetValueOrDefault(string.Empty),
            2 => ByTyped.GetValueOrDefault(words[1]),
            _ => null,
        };
    }
}
