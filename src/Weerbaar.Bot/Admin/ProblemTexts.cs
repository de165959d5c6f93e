using System.Text.RegularExpressions;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The knowledge checks speak English (they serve developers at the command line too); admins in Teams read them in
/// Dutch. Each known kind of problem has its sentence here; an unknown one keeps its technical text behind a Dutch lead.
/// </summary>
public static partial class ProblemTexts
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["id"] = "Id",
        ["title"] = "Titel",
        ["summary"] = "Samenvatting",
        ["tags"] = "Trefwoorden",
        ["audience"] = "Doelgroep",
        ["questions"] = "Andere vragen",
        ["sources"] = "Bronnen",
        ["resources"] = "Hulpmiddelen",
        ["related"] = "Verwante artikelen",
        ["laatst_gecontroleerd"] = "Laatst gecontroleerd",
        ["url"] = "Adres van een bron",
        ["publisher"] = "Uitgever van een bron",
        ["date"] = "Datum van een bron",
    };

    private static readonly (Regex Pattern, Func<Match, string> Dutch)[] Known =
    [
        (Length(), m => $"{Field(m, 1)} moet {m.Groups[2].Value} tot {m.Groups[3].Value} tekens hebben (nu {m.Groups[4].Value})."),
        (Missing(), m => $"{Field(m, 1)} ontbreekt."),
        (Count(), m => $"{Field(m, 1)}: {m.Groups[2].Value} tot {m.Groups[3].Value} nodig (nu {m.Groups[4].Value})."),
        (AtLeast(), m => $"{Field(m, 1)}: minstens {m.Groups[2].Value} nodig."),
        (EntryLength(), m => $"Elke regel bij {Field(m, 1)} moet {m.Groups[2].Value} tot {m.Groups[3].Value} tekens hebben."),
        (BodyWords(), m => $"De tekst moet {m.Groups[1].Value} tot {m.Groups[2].Value} woorden hebben (nu {m.Groups[3].Value})."),
        (Future(), _ => "De datum 'laatst gecontroleerd' ligt in de toekomst."),
        (IdChars(), _ => "Het id mag alleen kleine letters, cijfers en losse streepjes hebben."),
        (RepeatsTitle(), m => $"De vraag '{m.Groups[1].Value}' is hetzelfde als de titel."),
        (Url(), _ => "Een adres van een bron begint met http:// of https:// (of schrijf 'geen')."),
        (SourceDate(), _ => "Een datum van een bron schrijft u als JJJJ-MM-DD, JJJJ-MM, JJJJ of 'onbekend'."),
        (Lead(), _ => "De tekst begint met een inleiding, vóór het eerste ##-kopje."),
        (Headings(), _ => "Gebruik ## voor kopjes (en binnen een kopje hoogstens ###)."),
        (TooLarge(), m => $"De tekst is groter dan {m.Groups[1].Value} KB."),
        (Related(), m => $"Het verwante artikel '{m.Groups[1].Value}' bestaat niet."),
        (Resource(), m => $"Het hulpmiddel '{m.Groups[1].Value}' staat niet in de bronnenlijst."),
        (Unknown(), m => $"Het veld '{m.Groups[1].Value}' ken ik niet."),
        (MustBeText(), m => $"{Field(m, 1)} moet tekst zijn."),
        (MustBeList(), m => $"{Field(m, 1)} moet een lijst zijn."),
    ];

    public static string Dutch(KnowledgeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var (pattern, dutch) in Known)
        {
            var match = pattern.Match(problem.Message);
            if (match.Success)
            {
                return dutch(match);
            }
        }

        return $"Regel {problem.Line} klopt nog niet (technische melding: {problem.Message}).";
    }

    private static string Field(Match match, int group) => Fields.TryGetValue(match.Groups[group].Value, out var name) ? name : match.Groups[group].Value;

    [GeneratedRegex(@"^'(\w+)' must be (\d+)–(\d+) characters \(is (\d+)\)")]
    private static partial Regex Length();

    [GeneratedRegex(@"^'(\w+)' is missing")]
    private static partial Regex Missing();

    [GeneratedRegex(@"^'(\w+)' must have (\d+)–(\d+) entries \(has (\d+)\)")]
    private static partial Regex Count();

    [GeneratedRegex(@"^'(\w+)' must have at least (\d+) entries")]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"^each entry of '(\w+)' must be text of (\d+)–(\d+) characters")]
    private static partial Regex EntryLength();

    [GeneratedRegex(@"^the body must have (\d+)–(\d+) words \(has (\d+)\)")]
    private static partial Regex BodyWords();

    [GeneratedRegex(@"lies in the future")]
    private static partial Regex Future();

    [GeneratedRegex(@"^'id' may hold only")]
    private static partial Regex IdChars();

    [GeneratedRegex(@"^the question '(.*)' repeats the title")]
    private static partial Regex RepeatsTitle();

    [GeneratedRegex(@"^'url' must be an http")]
    private static partial Regex Url();

    [GeneratedRegex(@"^'date' must be YYYY-MM-DD")]
    private static partial Regex SourceDate();

    [GeneratedRegex(@"^the body starts with a lead paragraph")]
    private static partial Regex Lead();

    [GeneratedRegex(@"^use '##' for sections")]
    private static partial Regex Headings();

    [GeneratedRegex(@"^the content is larger than (\d+) KB")]
    private static partial Regex TooLarge();

    [GeneratedRegex(@"^related article '([^']*)' does not exist")]
    private static partial Regex Related();

    [GeneratedRegex(@"^resource '([^']*)' is not in")]
    private static partial Regex Resource();

    [GeneratedRegex(@"^unknown field '([^']*)'")]
    private static partial Regex Unknown();

    [GeneratedRegex(@"^'(\w+)' must be text")]
    private static partial Regex MustBeText();

    [GeneratedRegex(@"^'(\w+)' must be a list")]
    private static partial Regex MustBeList();
}
