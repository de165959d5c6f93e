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
        ["stand"] = "Stand van de feiten",
        ["actueel"] = "Actuele stand",
        ["actie"] = "Actie",
        ["status"] = "Status",
        ["url"] = "Adres van een bron",
        ["publisher"] = "Uitgever van een bron",
        ["date"] = "Datum van een bron",
    };

    private static readonly (Regex Pattern, Func<Match, string> Dutch)[] KnownKinds =
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
        (IdIsFileName(), m => $"Het id moet gelijk zijn aan de bestandsnaam ('{m.Groups[1].Value}')."),
        (NotText(), _ => "Dit is geen gewone tekst. Sla het bestand op als tekst in UTF-8."),
        (UnknownType(), _ => "Dit soort bestand ken ik niet. Stuur een artikel (.md) of een zipbestand (.zip)."),
        (NotZip(), _ => "Dit is geen goed zipbestand."),
        (ZipTooLarge(), m => $"Het zipbestand is groter dan {m.Groups[1].Value} MB."),
        (ZipTooLargeUnpacked(), m => $"De bestanden in het zipbestand zijn samen groter dan {m.Groups[1].Value} MB."),
        (ZipEntries(), m => $"Het zipbestand heeft meer dan {m.Groups[1].Value} bestanden."),
        (ZipTwice(), m => $"{m.Groups[1].Value} staat meer dan één keer in het zipbestand."),
        (Damaged(), _ => "Het bestand is beschadigd. Maak het zipbestand opnieuw."),
        (NotPlainPath(), _ => "Deze plek in het zipbestand kan ik niet gebruiken. Zet de artikelen in de map articles of los in het zipbestand."),
        (NotKnowledgeFile(), m => $"Dit is geen bestand voor de kennisbank. Gebruik {m.Groups[1].Value.Replace(" or ", " of ", StringComparison.Ordinal)}."),
        (NotInLayout(), m => $"Dit bestand hoort op een andere plek: {m.Groups[1].Value}."),
        (ImportTwice(), _ => "Dit bestand staat meer dan één keer in de import."),
        (FileNameChars(), _ => "De bestandsnaam mag alleen kleine letters, cijfers en losse streepjes hebben, bijvoorbeeld noodpakket.md."),
        (ChangedMeanwhile(), _ => "Iemand anders heeft dit intussen gewijzigd. Er is niets geïmporteerd. Probeer het opnieuw."),
        (Status(), _ => "Status moet 'published' of 'draft' zijn."),
        (NoFrontMatter(), _ => "Een artikel begint met een kop tussen twee regels '---'."),
        (FrontMatterOpen(), _ => "De kop van het artikel moet eindigen met een regel '---'."),
        (FrontMatterFields(), _ => "De kop van het artikel moet bestaan uit velden, zoals 'title: ...'."),
        (EmptyHeading(), _ => "Een kopje is leeg."),
        (EmptySection(), m => $"Onder het kopje '{m.Groups[1].Value}' staat geen tekst."),
        (UnknownAudience(), m => $"De doelgroep '{m.Groups[1].Value}' ken ik niet. Kies uit: {m.Groups[2].Value}."),
        (DateFormat(), m => $"{Field(m, 1)} schrijft u als JJJJ-MM-DD."),
        (UnknownAction(), _ => "Bij 'actie' kan alleen 'start-sessie' staan, of laat het veld weg."),
        (MonthFormat(), m => $"{Field(m, 1)} schrijft u als JJJJ-MM, bijvoorbeeld 2026-03."),
        (FactsAfterCheck(), _ => "De stand van de feiten kan niet na de datum 'laatst gecontroleerd' liggen."),
        (InvalidYaml(), _ => "De velden zijn niet goed geschreven. Let op de inspringing en de dubbele punten."),
        (TooDeep(), m => $"Er zitten te veel lijsten of haakjes in elkaar (meer dan {m.Groups[1].Value} lagen). Maak het eenvoudiger."),
        (FieldTooLong(), m => $"Het veld '{Field(m, 1)}' is te lang: hoogstens {m.Groups[2].Value} tekens."),
        (ValueTooLong(), m => $"Een waarde is te lang: hoogstens {m.Groups[1].Value} tekens."),
        (SynonymsTooLong(), m => $"Een regel met synoniemen is te lang: hoogstens {m.Groups[1].Value} tekens."),
        (Twice(), m => $"'{m.Groups[1].Value}' staat er twee keer in."),
    ];

    public static string Dutch(KnowledgeProblem problem) =>
        Known(problem) ?? $"Regel {problem.Line} klopt nog niet (technische melding: {problem.Message}).";

    /// <summary>The Dutch sentence for a known kind of problem; null for a kind without one.</summary>
    public static string? Known(KnowledgeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var (pattern, dutch) in KnownKinds)
        {
            var match = pattern.Match(problem.Message);
            if (match.Success)
            {
                return dutch(match);
            }
        }

        return null;
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

    [GeneratedRegex(@"^'id' must equal the file name \('([^']*)'\)")]
    private static partial Regex IdIsFileName();

    [GeneratedRegex(@"^the file is not UTF-8 text")]
    private static partial Regex NotText();

    [GeneratedRegex(@"^unknown file type")]
    private static partial Regex UnknownType();

    [GeneratedRegex(@"^the file is not a valid zip file")]
    private static partial Regex NotZip();

    [GeneratedRegex(@"^the zip file is larger than (\d+) MB")]
    private static partial Regex ZipTooLarge();

    [GeneratedRegex(@"^the files in the zip file are larger than (\d+) MB together")]
    private static partial Regex ZipTooLargeUnpacked();

    [GeneratedRegex(@"^the zip file has more than (\d+) entries")]
    private static partial Regex ZipEntries();

    [GeneratedRegex(@"^the zip file holds (.*) more than once")]
    private static partial Regex ZipTwice();

    [GeneratedRegex(@"^the file is damaged")]
    private static partial Regex Damaged();

    [GeneratedRegex(@"^the path is not a plain relative path")]
    private static partial Regex NotPlainPath();

    [GeneratedRegex(@"^not a knowledge file: use (.*)$")]
    private static partial Regex NotKnowledgeFile();

    [GeneratedRegex(@"^not a place in the knowledge layout \(expected (.*)\)")]
    private static partial Regex NotInLayout();

    [GeneratedRegex(@"^the import holds this file more than once")]
    private static partial Regex ImportTwice();

    [GeneratedRegex(@"^the file name may hold only")]
    private static partial Regex FileNameChars();

    [GeneratedRegex(@"^changed by someone else during the import")]
    private static partial Regex ChangedMeanwhile();

    [GeneratedRegex(@"^'status' must be 'published' or 'draft'")]
    private static partial Regex Status();

    [GeneratedRegex(@"^an article starts with front matter")]
    private static partial Regex NoFrontMatter();

    [GeneratedRegex(@"^the front matter is not closed")]
    private static partial Regex FrontMatterOpen();

    [GeneratedRegex(@"^the front matter must be a map of fields")]
    private static partial Regex FrontMatterFields();

    [GeneratedRegex(@"^a section heading is empty")]
    private static partial Regex EmptyHeading();

    [GeneratedRegex(@"^the section '(.*)' is empty")]
    private static partial Regex EmptySection();

    [GeneratedRegex(@"^unknown audience '([^']*)' \(use (.*)\)")]
    private static partial Regex UnknownAudience();

    [GeneratedRegex(@"^'(\w+)' must be a date as YYYY-MM-DD")]
    private static partial Regex DateFormat();

    [GeneratedRegex(@"^'actie' must be")]
    private static partial Regex UnknownAction();

    [GeneratedRegex(@"^'(\w+)' must be a month as YYYY-MM")]
    private static partial Regex MonthFormat();

    [GeneratedRegex(@"^'stand' \(the month the facts stand for\) lies after")]
    private static partial Regex FactsAfterCheck();

    [GeneratedRegex(@"^invalid YAML")]
    private static partial Regex InvalidYaml();

    [GeneratedRegex(@"^the YAML is nested deeper than (\d+) levels")]
    private static partial Regex TooDeep();

    [GeneratedRegex(@"^'(\w+)' is longer than (\d+) characters")]
    private static partial Regex FieldTooLong();

    [GeneratedRegex(@"^a value is longer than (\d+) characters")]
    private static partial Regex ValueTooLong();

    [GeneratedRegex(@"^a synonym group is longer than (\d+) characters")]
    private static partial Regex SynonymsTooLong();

    [GeneratedRegex(@"^'(.*)' appears twice$")]
    private static partial Regex Twice();
}
