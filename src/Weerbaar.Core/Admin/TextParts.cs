using System.Text.RegularExpressions;

namespace Weerbaar.Core.Admin;

/// <summary>
/// Splits a YAML knowledge file (the resources catalogue, the gesprekstool scenario) into parts an admin can edit in
/// one card: the head of the file, then one part per list entry that starts with <c>- id:</c> (a resource, a
/// scenario step). Joining the parts gives back the file exactly.
/// </summary>
public static partial class TextParts
{
    /// <summary>What the part before the first entry is called, in the card and in the change summary.</summary>
    public const string HeadName = "Begin van het bestand";

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var parts = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (EntryStart().IsMatch(line))
            {
                parts.Add(string.Join('\n', current));
                current.Clear();
            }

            current.Add(line);
        }

        parts.Add(string.Join('\n', current));
        return parts;
    }

    public static string Join(IEnumerable<string> parts) => string.Join('\n', parts);

    /// <summary>What the part is called in the list: its id, or the head of the file.</summary>
    public static string NameOf(string part, int index) =>
        index == 0 ? HeadName : EntryStart().Match(part.Split('\n')[0]) is { Success: true } match ? match.Groups[1].Value.Trim() : $"{index}";

    [GeneratedRegex(@"^\s{0,2}- id:\s*(.*)$")]
    private static partial Regex EntryStart();
}
