using System.Text.RegularExpressions;

namespace Weerbaar.Bot.Cards;

/// <summary>
/// An abbreviation is written out once per card: a line under (or above) the text that already writes it out, such as
/// an article title "Wat is de Wet op de defensiegereedheid (Wodg)?" above a lead that does the same, drops its own
/// "(Wodg)". The articles write each abbreviation out at its first use, so the text a card quotes is the one that keeps it.
/// </summary>
public static partial class WriteOuts
{
    public static string Without(string line, string writtenOutIn)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(writtenOutIn);
        return Abbreviation().Replace(line, match =>
            writtenOutIn.Contains($"({match.Groups["abbreviation"].Value})", StringComparison.Ordinal) ? string.Empty : match.Value);
    }

    // An abbreviation in brackets: at least one capital, no spaces ("(Wodg)", "(GBT)", "(IBD-CERT)"), not "(2024)".
    [GeneratedRegex(@" \((?<abbreviation>(?=[^)]*\p{Lu})[\p{L}][\p{L}\d-]{1,11})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Abbreviation();
}
