using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// One voice in every article's own text (title, summary, "actueel", body; quotations and *titles* excepted): the
/// reader is "u", never "je", and Weerbaar never speaks as "wij". Every abbreviation is in knowledge/abbreviations.txt
/// and is written out (or explained) at or before its first use in the body.
/// </summary>
public sealed partial class LanguageTests
{
    private static readonly Lazy<Dictionary<string, IReadOnlyList<string>>> Abbreviations = new(ReadAbbreviations);

    public static TheoryData<string> ArticleIds => [.. RepositoryKnowledge.Load.Set.Articles.Select(a => a.Id)];

    [Theory]
    [MemberData(nameof(ArticleIds))]
    public void TheReaderIsU_AndWeerbaarNeverSaysWij(string id)
    {
        var article = RepositoryKnowledge.Load.Set.ArticlesById[id];

        var offending = OtherVoice().Matches(WithoutQuotations(OwnText(article))).Select(m => m.Value).Distinct().ToList();

        Assert.True(offending.Count == 0, $"{id} uses {string.Join(", ", offending)}");
    }

    [Theory]
    [MemberData(nameof(ArticleIds))]
    public void EveryAbbreviation_IsKnown_AndWrittenOutAtItsFirstUse(string id)
    {
        var article = RepositoryKnowledge.Load.Set.ArticlesById[id];
        var body = WithoutQuotations(ArticleDraft.BodyOf(article.Sections));
        var problems = new List<string>();

        var own = WithoutQuotations(OwnText(article));
        // Listed abbreviations with one capital (Wodg, Cwu, Wvr) are found by their entry, the others by their shape too.
        var used = AbbreviationsIn(own).Concat(Abbreviations.Value.Keys.Where(key => FirstUse(own, key).Success)).Distinct();
        foreach (var abbreviation in used)
        {
            if (!Abbreviations.Value.TryGetValue(abbreviation, out var forms))
            {
                problems.Add($"{abbreviation} is not in knowledge/abbreviations.txt");
                continue;
            }

            var first = FirstUse(body, abbreviation);
            if (forms.Count == 0 || !first.Success)
            {
                continue;
            }

            // The sentence of the first use may write it out after the abbreviation: "de RMOA (Regionaal … Adviseur)".
            var sentenceEnd = SentenceEnd().Match(body, first.Index);
            var upTo = Fold(body[..(sentenceEnd.Success ? sentenceEnd.Index : body.Length)]);
            if (!forms.Any(form => upTo.Contains(Fold(form), StringComparison.Ordinal)))
            {
                problems.Add($"{abbreviation} is used before it is written out ({string.Join(" / ", forms)})");
            }
        }

        Assert.True(problems.Count == 0, $"{id}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void TheChecks_FindAnotherVoiceAndAnUnexplainedAbbreviation()
    {
        Assert.Equal(["je", "wij"], OtherVoice().Matches(WithoutQuotations("Als je wilt, helpen wij u. Lees *Bereid je voor* of \"Doe je mee?\".")).Select(m => m.Value));
        Assert.Equal(["NCTV", "CoPI", "BDuR", "JenV", "BIO2"], AbbreviationsIn("De NCTV, het CoPI, de BDuR, JenV en BIO2; niet EenVandaag of PostNL."));
    }

    private static Match FirstUse(string text, string abbreviation) =>
        Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(abbreviation)}(?![\p{{L}}\p{{N}}])");

    private static string OwnText(Article article) =>
        string.Join('\n', article.Title, article.Summary, article.CurrentStateAt ?? string.Empty, ArticleDraft.BodyOf(article.Sections));

    // Quotations and titles in italics keep their own voice: "Bereid je voor op een noodsituatie".
    private static string WithoutQuotations(string text) => Quotation().Replace(text, " ");

    // A word with two capitals and no run of three lower-case letters: NCTV, CoPI, BDuR, JenV, BIO2 (not EenVandaag).
    private static List<string> AbbreviationsIn(string text) =>
        [.. Word().Matches(text).Select(m => m.Value).Where(w => w.Count(char.IsUpper) >= 2 && !LowerRun().IsMatch(w))];

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Replace('–', '-');
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAbbreviations() =>
        File.ReadAllLines(RepoPaths.Of("knowledge", "abbreviations.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" = ", 2))
            .ToDictionary(
                parts => parts[0].Trim(),
                parts => (IReadOnlyList<string>)[.. parts[1].Split('|').Select(f => f.Trim()).Where(f => f is { Length: > 0 } and not "-")],
                StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:je|jij|jou|jouw|jezelf|jullie|wij|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OtherVoice();

    [GeneratedRegex(@"""[^""\n]*""|“[^”\n]*”|„[^”\n]*”|\*[^*\n]+\*")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\p{Ll}{3}")]
    private static partial Regex LowerRun();

    [GeneratedRegex(@"[.!?](?=\s)|\n\n")]
    private static partial Regex SentenceEnd();
}
