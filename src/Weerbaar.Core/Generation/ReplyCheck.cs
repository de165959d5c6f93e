using System.Text.RegularExpressions;

namespace Weerbaar.Core.Generation;

/// <summary>What the reply check found. Anything but <see cref="Valid"/> means the extractive answer is used.</summary>
public enum ReplyVerdict
{
    Valid,
    Empty,
    NoCitation,
    UnknownCitation,

    /// <summary>A link, e-mail address or phone number that is not in the passages that were sent.</summary>
    ForeignUrl,
    TooLong,
    TooShort,
    NotDutch,
    EchoesRules,
    Markup,
}

/// <summary>
/// Checks a model reply before anyone sees it. A stand-in model cannot be fooled by an injected instruction, but a
/// real one can; so whatever the model wrote must still look like a grounded answer: cited, only citing passages that
/// were sent, no address that is not in the sources, Dutch, about the asked length, and not the rules themselves.
/// </summary>
public static partial class ReplyCheck
{
    private const int MinWords = 4;
    private const int EchoShingleWords = 6;

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "and", "to", "you", "your", "with", "are", "this", "that", "for", "should", "can", "be", "it", "not", "or", "from", "have", "will", "which", "when", "must", "there", "their", "about",
    };

    private static readonly HashSet<string> DutchWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "van", "dat", "op", "te", "voor", "met", "zijn", "niet", "je", "u", "uw", "als", "er", "ook", "bij", "naar", "kunt", "wordt", "worden", "moet", "deze", "die", "om", "aan", "hebt", "heeft", "staat",
    };

    private static readonly string[] LeakMarkers = ["system prompt", "systeemprompt", "mijn instructies", "mijn regels", "deze regels"];

    /// <summary>Checks <paramref name="reply"/> (already normalised with <see cref="Normalize"/>) against the passages that were sent.</summary>
    public static ReplyVerdict Check(string reply, IReadOnlyList<GroundedPassage> passages, int answerWords, string rules)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(rules);
        if (reply.Trim().Length == 0)
        {
            return ReplyVerdict.Empty;
        }

        var words = Words(Citation().Replace(reply, " "));
        var lower = reply.ToLowerInvariant();
        if (Echoes(words, rules) || LeakMarkers.Any(marker => lower.Contains(marker, StringComparison.Ordinal)))
        {
            return ReplyVerdict.EchoesRules;
        }

        if (Tag().IsMatch(reply))
        {
            return ReplyVerdict.Markup;
        }

        var cited = CitedNumbers(reply);
        if (cited.Count == 0)
        {
            return ReplyVerdict.NoCitation;
        }

        if (cited.Any(n => n < 1 || n > passages.Count || passages.All(p => p.Number != n)))
        {
            return ReplyVerdict.UnknownCitation;
        }

        var sent = passages.SelectMany(p => p.SentTexts).SelectMany(ReplyAddresses.In).ToHashSet(StringComparer.Ordinal);
        if (ReplyAddresses.In(reply).Any(address => !ReplyAddresses.IsAllowed(address, sent)))
        {
            return ReplyVerdict.ForeignUrl;
        }

        // "About 120 words": the model may run over a little; far more means it ignored the rules.
        if (words.Count > answerWords + (answerWords / 2))
        {
            return ReplyVerdict.TooLong;
        }

        if (words.Count < MinWords)
        {
            return ReplyVerdict.TooShort;
        }

        var english = words.Count(EnglishWords.Contains);
        var dutch = words.Count(DutchWords.Contains);
        return english >= 2 && english >= dutch ? ReplyVerdict.NotDutch : ReplyVerdict.Valid;
    }

    /// <summary>Writes grouped citations ("[1, 2]" or "[1,2]") as Teams expects them, one per bracket ("[1][2]"), and trims.</summary>
    public static string Normalize(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return GroupedCitation().Replace(reply.Trim(), match =>
            string.Concat(match.Groups[1].Value.Split(',').Select(n => $"[{n.Trim()}]")));
    }

    /// <summary>The passage numbers cited, in order of first appearance.</summary>
    public static IReadOnlyList<int> CitedNumbers(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return [.. Citation().Matches(reply).Select(m => int.TryParse(m.Groups[1].Value, out var n) ? n : -1).Distinct()];
    }

    private static bool Echoes(List<string> replyWords, string rules)
    {
        var ruleWords = Words(rules);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + EchoShingleWords <= ruleWords.Count; i++)
        {
            shingles.Add(string.Join(' ', ruleWords.Skip(i).Take(EchoShingleWords)));
        }

        for (var i = 0; i + EchoShingleWords <= replyWords.Count; i++)
        {
            if (shingles.Contains(string.Join(' ', replyWords.Skip(i).Take(EchoShingleWords))))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string text) => [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})+)\]")]
    private static partial Regex GroupedCitation();

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z!][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
