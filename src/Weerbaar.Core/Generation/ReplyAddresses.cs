using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Core.Generation;

/// <summary>
/// Every address in a text that a reader could follow, write to or call: web links in any spelling a browser or Teams
/// accepts (with or without scheme, scheme-relative, with backslashes, bare domains, Markdown link targets), e-mail
/// addresses and phone numbers. Each comes back as a comparable key ("web:host/path", "mail:…", "tel:digits"), so an
/// address in a model reply can be matched against the passages that were sent however the model spelled it.
/// </summary>
/// <remarks>
/// Short public numbers (112, 144, 1400, 14 0xx) are not phone numbers here: the state assigns them, nobody can
/// own one to lure a caller, and they cannot be told from a year, an amount or an article number.
/// </remarks>
public static partial class ReplyAddresses
{
    private const string WebKey = "web:";
    private const string MailKey = "mail:";
    private const string PhoneKey = "tel:";
    private const string TrailingPunctuation = ".,;:!?'\"/";

    /// <summary>The keys of every address in <paramref name="text"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = new StringBuilder(Readable(text));
        var keys = new List<string>();
        // Each finder blanks what it took, so a later one does not read a phone number in a link's path or a domain in
        // an e-mail address.
        Take(rest, MarkdownTarget(), "target", keys, KeyOfTarget);
        Take(rest, ReferenceDefinition(), "target", keys, target => target.IndexOfAny(['/', '\\', '.', ':', '@']) >= 0 ? KeyOfTarget(target) : null);
        Take(rest, SchemeUrl(), null, keys, KeyOfTarget);
        Take(rest, PersonalDataMask.EmailPattern(), null, keys, email => MailKey + email.ToLowerInvariant());
        Take(rest, SchemeRelative(), null, keys, WebKeyOf);
        Take(rest, BareDomain(), null, keys, domain => NamesAHost(domain) ? WebKeyOf(domain) : null);
        Take(rest, ServiceNumber(), null, keys, PhoneKeyOf);
        Take(rest, InternationalNumber(), null, keys, number => number.Count(char.IsAsciiDigit) >= 9 ? PhoneKeyOf(number) : null);
        Take(rest, NationalNumber(), null, keys, number => number.Count(char.IsAsciiDigit) == 10 && !Date().IsMatch(number) ? PhoneKeyOf(number) : null);
        return keys;
    }

    /// <summary>
    /// Whether <paramref name="key"/> (from <see cref="In"/>) may be repeated given the keys of what was sent. A bare
    /// site ("rijksoverheid.nl") is allowed when a page of that site was sent; a page only when that page was sent.
    /// </summary>
    public static bool IsAllowed(string key, IReadOnlySet<string> sent)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.Contains(key))
        {
            return true;
        }

        return key.StartsWith(WebKey, StringComparison.Ordinal) && key.IndexOfAny(['/', '?', '#']) < 0
            && sent.Any(s => s.StartsWith(key + "/", StringComparison.Ordinal) || s.StartsWith(key + "?", StringComparison.Ordinal) || s.StartsWith(key + "#", StringComparison.Ordinal));
    }

    private static void Take(StringBuilder text, Regex pattern, string? group, List<string> keys, Func<string, string?> keyOf)
    {
        var current = text.ToString();
        foreach (Match match in pattern.Matches(current))
        {
            var part = group is null ? match : match.Groups[group];
            if (part.Length == 0 || keyOf(part.Value) is not { } key)
            {
                continue;
            }

            keys.Add(key);
            text.Remove(part.Index, part.Length).Insert(part.Index, new string(' ', part.Length));
        }
    }

    // What a reader sees: entities decoded, compatibility forms folded (a full-width dot is a dot) and invisible
    // characters dropped, so "evil&#46;nl" or "evil\u200B.nl" is still found.
    private static string Readable(string text)
    {
        var decoded = WebUtility.HtmlDecode(text).Normalize(NormalizationForm.FormKC).Replace('\u3002', '.').Replace('\uFF61', '.');
        var readable = new StringBuilder(decoded.Length);
        foreach (var c in decoded.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format))
        {
            readable.Append(c);
        }

        return readable.ToString();
    }

    private static string? KeyOfTarget(string target)
    {
        var trimmed = target.Trim().Trim('<', '>');
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return null;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? trimmed[..colon].ToLowerInvariant() : string.Empty;
        return scheme switch
        {
            "mailto" => MailKey + trimmed[(colon + 1)..].Split('?')[0].TrimEnd(TrailingPunctuation.ToCharArray()).ToLowerInvariant(),
            "tel" or "callto" or "sms" => PhoneKeyOf(trimmed[(colon + 1)..]),
            _ when !trimmed.Contains('/', StringComparison.Ordinal) && PersonalDataMask.EmailPattern().Match(trimmed) is { Success: true } email && email.Length == trimmed.Length => MailKey + trimmed.ToLowerInvariant(),
            _ => WebKeyOf(trimmed),
        };
    }

    // "stap 1.Daarna" (a missing space) is not a site: a host has a letter before its top-level domain.
    private static bool NamesAHost(string domain)
    {
        var host = domain.Split('/', '\\')[0];
        return host[..host.LastIndexOf('.')].Any(char.IsLetter);
    }

    // Case, scheme, slashes (a browser reads "https:\\host" and "https:host" as "https://host"), "www." and trailing
    // punctuation do not make another address.
    private static string WebKeyOf(string address)
    {
        var key = address.ToLowerInvariant().Replace('\\', '/');
        key = SchemePrefix().Replace(key, string.Empty).TrimStart('/');
        if (key.StartsWith("www.", StringComparison.Ordinal))
        {
            key = key[4..];
        }

        return WebKey + key.TrimEnd(TrailingPunctuation.ToCharArray());
    }

    // Digits only, with the Dutch country code written as the trunk zero: "+31 (0)6 1234 5678" is "0612345678".
    private static string PhoneKeyOf(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        var international = number.TrimStart().StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (international && digits.StartsWith("31", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..].TrimStart('0');
        }
        else if (international)
        {
            digits = "+" + digits;
        }

        return PhoneKey + digits;
    }

    // [text](target) and ![image](target); the target may be written as <target>.
    [GeneratedRegex(@"\]\(\s*(?<target><[^>]*>|[^\s)]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownTarget();

    // A link reference definition on its own line: "[x]: //host".
    [GeneratedRegex(@"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?<target>\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"\b(?:https?|ftps?|file|wss?):[/\\]*[^\s<>""'\])]+|\b(?:mailto|tel|callto|sms):[^\s<>""'\])]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeUrl();

    // "//host/x" (a browser adds the page's scheme) and "\\host\x".
    [GeneratedRegex(@"(?<![\w:/\\])[/\\]{2}[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+[^\s<>""'\])]*", RegexOptions.CultureInvariant)]
    private static partial Regex SchemeRelative();

    // "evil.example.nl", "rijksoverheid.nl/x": labels and a top-level domain of letters, so "e.g.", "o.a.", "1,5" and
    // "art. 175" are not taken.
    [GeneratedRegex(@"(?<![\w@.\-/\\])(?:[\p{L}\p{N}][\p{L}\p{N}\-]{0,62}\.)+\p{L}{2,24}(?![\p{L}\p{N}\-])(?:[/\\][^\s<>""'\])]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex BareDomain();

    // 0800, 0900, 0906 and 0909 with four to seven digits: "0800-1351", "0900 123 45 67".
    [GeneratedRegex(@"(?<![\w+]|\d[.,])0(?:800|900|906|909)[\s.\-–‑/]{0,3}\d(?:[\s.\-–‑/]{0,3}\d){3,6}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceNumber();

    // "+31 6 12345678", "+31 (0)20 123 4567", "0032 2 123 45 67".
    [GeneratedRegex(@"(?<![\w+]|\d[.,])(?:\+|00)[1-9](?:[\s.\-–‑/()]{0,3}\d){7,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex InternationalNumber();

    // Ten digits from a trunk zero: "06-12345678", "088 123 4567", "(020) 123 45 67".
    [GeneratedRegex(@"(?<![\w+]|\d[.,])\(?0\d{1,3}\)?(?:[\s.\-–‑/]{0,3}\d){6,8}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NationalNumber();

    // "01-01-2026 12 gemeenten" has ten digits from a zero too.
    [GeneratedRegex(@"^\(?\d{1,2}\)?\s*[\-./–]\s*\d{1,2}\s*[\-./–]\s*\d{2,4}", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"^(?:https?|ftps?|file|wss?):")]
    private static partial Regex SchemePrefix();
}
