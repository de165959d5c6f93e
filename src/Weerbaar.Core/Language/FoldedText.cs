using System.Text.RegularExpressions;

namespace Weerbaar.Core.Language;

/// <summary>
/// A long introductory text split for a phone: the first sentence or two stay in sight (<see cref="Lead"/>), the rest
/// (<see cref="Rest"/>) goes behind a "Lees meer" button. A short text stays whole, with an empty rest.
/// </summary>
public sealed partial record FoldedText(string Lead, string Rest)
{
    /// <summary>Texts up to this length stay whole: about four lines on a phone, less than a fold would save.</summary>
    public const int FoldAbove = 240;

    /// <summary>The lead takes whole sentences while it stays within this length; at least one sentence.</summary>
    public const int LeadLength = 160;

    public bool IsFolded => Rest.Length > 0;

    public static FoldedText Of(string? text)
    {
        var whole = text?.Trim() ?? string.Empty;
        if (whole.Length <= FoldAbove)
        {
            return new FoldedText(whole, string.Empty);
        }

        // A sentence ends at . ? or ! followed by a space and a capital (or Markdown's ** before one), so
        // abbreviations and numbers like "1, 8 en 24 uur" do not end it.
        var ends = SentenceEnd().Matches(whole).Select(m => m.Index + 1).ToList();
        var cut = ends.Where(end => end <= LeadLength).DefaultIfEmpty(ends.FirstOrDefault()).Max();
        return cut <= 0 || cut >= whole.Length
            ? new FoldedText(whole, string.Empty)
            : new FoldedText(whole[..cut].Trim(), whole[cut..].Trim());
    }

    [GeneratedRegex(@"[.?!](?=\s+(\*\*)?\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();
}
