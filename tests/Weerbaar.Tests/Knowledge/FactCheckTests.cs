using System.Globalization;
using System.Text.RegularExpressions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// No article states a fact that is not in the sources: every URL, e-mail address, phone number, date and
/// number-with-unit in knowledge/ must occur in knowledge/sources/ (copies of ../shared/sources/), apart from the
/// entries of knowledge/fact-allowlist.txt, each with its reason.
/// </summary>
public sealed partial class FactCheckTests
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly Lazy<string> SourceText = new(() => Normalize(string.Join("\n",
        Directory.GetFiles(RepoPaths.Of("knowledge", "sources"), "*.md").Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).Select(File.ReadAllText))));

    private static readonly Lazy<HashSet<string>> Allowed = new(() => File.ReadAllLines(RepoPaths.Of("knowledge", "fact-allowlist.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split(" | ")[0].Trim())
        .ToHashSet(StringComparer.Ordinal));

    public static TheoryData<string> KnowledgeFiles => [.. RepositoryKnowledge.Files.Select(f => f.Path).Concat(GesprekstoolFiles()).Distinct()];

    [Theory]
    [MemberData(nameof(KnowledgeFiles))]
    public void EveryFact_OccursInTheSources(string path)
    {
        var text = RepositoryKnowledge.Files.SingleOrDefault(f => f.Path == path)?.Text ?? File.ReadAllText(RepoPaths.Of("knowledge", path));
        // The date the editors last checked the article is theirs, not a fact from a source.
        text = LastChecked().Replace(text, string.Empty);

        var missing = Facts(text).Where(fact => !Allowed.Value.Contains(fact) && !InSources(fact)).Distinct().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TheCheck_FindsInventedFacts()
    {
        var invented = "Bel 020-1234567 of mail info@weerbaar.example, zie https://invented.example/x, op 3 maart 2031 met 12 liter en € 99 miljoen.";

        var facts = Facts(invented).ToList();

        Assert.Equal(6, facts.Count);
        Assert.DoesNotContain(facts, InSources);
        Assert.Contains(Facts("water: 3 liter per persoon, storingsnummer 0800-9009, op 6 december 2024"), InSources);
    }

    [Fact]
    public void SourceCopies_MatchTheSharedSources()
    {
        var shared = Path.Combine(RepoPaths.Root, "..", "shared", "sources");
        if (!Directory.Exists(shared))
        {
            Assert.Skip("../shared/sources is not on this machine; the copies in knowledge/sources are used as they are.");
        }

        foreach (var file in Directory.GetFiles(shared, "*.md"))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(RepoPaths.Of("knowledge", "sources", Path.GetFileName(file))));
        }
    }

    // The gesprekstool scenario is user-facing content too, but KnowledgeFolder does not read it.
    private static IEnumerable<string> GesprekstoolFiles()
    {
        var folder = RepoPaths.Of("knowledge", "gesprekstool");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => $"gesprekstool/{Path.GetFileName(f)}")
            : [];
    }

    private static IEnumerable<string> Facts(string text)
    {
        foreach (Match match in Url().Matches(text))
        {
            yield return match.Value.TrimEnd('.', ',', ')', ';', ':', '>', ']', '*');
        }

        foreach (Match match in Email().Matches(text))
        {
            yield return match.Value;
        }

        foreach (Match match in Phone().Matches(text))
        {
            yield return match.Value;
        }

        foreach (Match match in TextDate().Matches(text))
        {
            yield return match.Value;
        }

        foreach (Match match in NumericDate().Matches(text))
        {
            yield return match.Value;
        }

        foreach (Match match in NumberWithUnit().Matches(text))
        {
            yield return Normalize(match.Value);
        }
    }

    private static bool InSources(string fact)
    {
        var sources = SourceText.Value;
        if (sources.Contains(Normalize(fact), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Uri.TryCreate(fact, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/" && (uri.Scheme == "http" || uri.Scheme == "https"))
        {
            // A site's home page is right when the sources cite pages of that site.
            return sources.Contains($"{uri.Scheme}://{uri.Host}/", StringComparison.OrdinalIgnoreCase);
        }

        return DateKeys(fact) is { Count: > 0 } keys && keys.All(key => SourceDates.Value.Contains(key));
    }

    private static readonly Lazy<HashSet<string>> SourceDates = new(() =>
    {
        var dates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in new[] { TextDate(), NumericDate(), ShortMonthDate() })
        {
            foreach (Match match in pattern.Matches(SourceText.Value))
            {
                foreach (var key in DateKeys(match.Value))
                {
                    dates.Add(key);
                    // A source's "17 november 2025" also supports "november 2025".
                    if (key.Count(c => c == '-') == 2)
                    {
                        dates.Add(key[..key.LastIndexOf('-')]);
                    }
                }
            }
        }

        return dates;
    });

    // "6 december 2024", "december 2024", "6-12-2024", "2024-12-06", "31 okt 2025" → "2024-12-06" / "2024-12".
    private static List<string> DateKeys(string text)
    {
        var lower = text.ToLowerInvariant().Trim();
        var iso = Regex.Match(lower, @"^(\d{4})-(\d{2})-(\d{2})$");
        if (iso.Success)
        {
            return [$"{iso.Groups[1].Value}-{iso.Groups[2].Value}-{iso.Groups[3].Value}"];
        }

        var numeric = Regex.Match(lower, @"^(\d{1,2})-(\d{1,2})-(\d{4})$");
        if (numeric.Success)
        {
            return [$"{numeric.Groups[3].Value}-{int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture):00}"];
        }

        var words = Regex.Match(lower, @"^(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d{4})$");
        if (!words.Success)
        {
            return [];
        }

        var month = Array.FindIndex(Months, m => m.StartsWith(words.Groups[2].Value, StringComparison.Ordinal) && words.Groups[2].Value.Length >= 3) + 1;
        if (month == 0)
        {
            return [];
        }

        var year = words.Groups[3].Value;
        return [words.Groups[1].Success ? $"{year}-{month:00}-{int.Parse(words.Groups[1].Value, CultureInfo.InvariantCulture):00}" : $"{year}-{month:00}"];
    }

    private static string Normalize(string text) => Regex.Replace(text.Replace('\u00a0', ' ').Replace('\u202f', ' '), @"\s+", " ");

    [GeneratedRegex(@"laatst_gecontroleerd:.*")]
    private static partial Regex LastChecked();

    [GeneratedRegex(@"(?:https?://|mailto:)[^\s)\]>""'`]+|\bwww\.[a-z0-9-]+\.[a-z]{2,}[^\s)\]>""'`]*|\b[a-z0-9-]+\.(?:nl|com|eu|fi|se|int|org)/[^\s)\]>""'`]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b0\d{2,3}-\d{4,7}\b|\b0\d{9}\b|\b14\s?0\d{2,3}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+)?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex TextDate();

    [GeneratedRegex(@"\b\d{1,2}\s+(?:jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.?\s+\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShortMonthDate();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:€\s?)?\b\d+(?:[.,]\d+)*\s?(?:%|procent|liter|uur|minuten|minuut|dagen|weken|jaar|miljoen|miljard|huishoudens|gemeenten|maatregelen|locaties|steunpunten|hoofdsteunpunten|pagina's|aanbevelingen|kernacties|euro|deelnemers|inwoners|vereisten|veiligheidsregio's|regio's|brandweerkazernes|aansluitingen|talen|landen|actielijnen|onderdelen|stappen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();
}
