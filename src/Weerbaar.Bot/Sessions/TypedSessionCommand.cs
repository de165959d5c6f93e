namespace Weerbaar.Bot.Sessions;

public enum TypedSessionCommandKind
{
    Start,
    Next,
    Previous,
    Status,
    Stop,
    Report,
    TakeOver,
    HandOver,
    Contribution,
}

/// <summary>
/// The typed forms of session actions, for clients without card refresh and for people who prefer typing:
/// "start sessie", "volgende", "vorige", "status", "stop", "verslag", "overnemen", "overdragen @naam", "bijdrage: …".
/// </summary>
public sealed record TypedSessionCommand(TypedSessionCommandKind Kind, string Argument)
{
    private static readonly Dictionary<string, TypedSessionCommandKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["start sessie"] = TypedSessionCommandKind.Start,
        ["start gesprekstool"] = TypedSessionCommandKind.Start,
        ["sessie starten"] = TypedSessionCommandKind.Start,
        ["volgende"] = TypedSessionCommandKind.Next,
        ["vorige"] = TypedSessionCommandKind.Previous,
        ["status"] = TypedSessionCommandKind.Status,
        ["stop"] = TypedSessionCommandKind.Stop,
        ["verslag"] = TypedSessionCommandKind.Report,
        ["overnemen"] = TypedSessionCommandKind.TakeOver,
    };

    public static TypedSessionCommand? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.', '!');
        if (Words.TryGetValue(trimmed, out var kind))
        {
            return new TypedSessionCommand(kind, string.Empty);
        }

        if (trimmed.StartsWith("overdragen", StringComparison.OrdinalIgnoreCase))
        {
            return new TypedSessionCommand(TypedSessionCommandKind.HandOver, trimmed["overdragen".Length..].Trim());
        }

        return trimmed.StartsWith("bijdrage:", StringComparison.OrdinalIgnoreCase)
            ? new TypedSessionCommand(TypedSessionCommandKind.Contribution, trimmed["bijdrage:".Length..].Trim())
            : null;
    }
}
