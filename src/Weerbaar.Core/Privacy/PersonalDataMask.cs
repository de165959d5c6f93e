using System.Text.RegularExpressions;

namespace Weerbaar.Core.Privacy;

/// <summary>
/// Masks personal data in what users type before it leaves the bot for the model or is kept (unanswered questions,
/// feedback comments): e-mail addresses, IBANs, phone numbers, postcodes with a house number and citizen service
/// numbers (BSN: nine digits that pass the elfproef). A postcode alone, a year, an amount or an article number stays:
/// it names no person, and admins need it to see what was asked.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Email = "[e-mailadres]";
    public const string Iban = "[IBAN]";
    public const string Phone = "[telefoonnummer]";
    public const string Bsn = "[BSN]";
    public const string Address = "[postcode en huisnummer]";

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The order matters: an IBAN and a phone number contain digit runs that the BSN pattern would also take.
        var masked = EmailPattern().Replace(text, Email);
        masked = IbanPattern().Replace(masked, Iban);
        masked = AddressPattern().Replace(masked, Address);
        masked = PhonePattern().Replace(masked, Phone);
        return BsnPattern().Replace(masked, match => PassesElfproef(match.Value) ? Bsn : match.Value);
    }

    /// <summary>The BSN check: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0).</summary>
    private static bool PassesElfproef(string text)
    {
        var sum = 0;
        var weight = 9;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                sum += (weight == 1 ? -1 : weight) * (c - '0');
                weight--;
            }
        }

        return sum != 0 && sum % 11 == 0;
    }

    // 1234 AB 12, 1234AB 12a, 3511 lk 7-2. Two lower-case letters after a space are often a word ("in 2024 en 12
    // dagen"), so the common two-letter Dutch words do not count as postcode letters.
    [GeneratedRegex(@"\b[1-9]\d{3}(?:[ ]?(?!(?:en|op|in|om|te|of|is|al|nu|zo|ik|we|je|ze|na|er|de|uw|ja|tm)\b)[A-Za-z]{2})[ ]+\d{1,5}(?:[ ]?[A-Za-z]\b|-\d{1,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    // Also what the reply check of generated answers takes for an e-mail address: one definition for both.
    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    internal static partial Regex EmailPattern();

    // Country code, check digits, then the account in groups (NL91 ABNA 0417 1643 00) or written as one block.
    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?|[A-Z0-9]{11,30})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    // Dutch numbers (06-12345678, 020 123 4567, +31 (0)6 1234 5678, 0031 …) and other international ones (+32 …).
    [GeneratedRegex(@"(?<![\w+])(?:(?:\+|00)31[\s\-]?(?:\(0\)[\s\-]?)?\d(?:[\s\-]?\d){8}|0\d(?:[\s\-]?\d){8}|\+\d{1,3}[\s\-]?\d(?:[\s\-]?\d){6,12})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // Nine digits, possibly written in groups with dots or spaces (123.456.782, 1234 56 782).
    [GeneratedRegex(@"(?<![\w.])\d(?:[.\s]?\d){8}(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex BsnPattern();
}
