using System.Text.RegularExpressions;

namespace Weerbaar.Core.Privacy;

/// <summary>
/// Masks personal data in a question before it leaves the bot for the model: e-mail addresses, IBANs, phone numbers
/// and citizen service numbers (BSN). It errs on masking: any nine-digit number counts as a possible BSN.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Email = "[e-mailadres]";
    public const string Iban = "[IBAN]";
    public const string Phone = "[telefoonnummer]";
    public const string Bsn = "[BSN]";

    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The order matters: an IBAN and a phone number contain digit runs that the BSN pattern would also take.
        var masked = EmailPattern().Replace(text, Email);
        masked = IbanPattern().Replace(masked, Iban);
        masked = PhonePattern().Replace(masked, Phone);
        return BsnPattern().Replace(masked, Bsn);
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

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
