using System.Text.RegularExpressions;

namespace Weerbaar.Core.Answering;

/// <summary>The kind of detail a question asks for: what a sentence must carry to answer it.</summary>
public enum QuestionKind
{
    /// <summary>An explanation or definition ("wat is…", "waarom…"): any sentence on the focus words can answer.</summary>
    What,

    /// <summary>A number, amount, share or duration ("hoeveel", "hoe lang", "welk percentage").</summary>
    Number,

    /// <summary>A sum of money ("wat kost", "hoeveel geld", "welk bedrag"): a number alone does not answer it.</summary>
    Money,

    /// <summary>A date or period ("wanneer", "sinds wanneer", "in welk jaar").</summary>
    Date,

    /// <summary>A person, role or organisation ("wie", "welke minister", "bij wie").</summary>
    Who,

    /// <summary>A place, link, address or phone number ("waar", "welk nummer", "welke website").</summary>
    Where,

    /// <summary>A reason ("waarom", "met welk doel").</summary>
    Why,
}

/// <summary>Reads a question's kind from its question words, the way an official types them.</summary>
public static partial class QuestionKinds
{
    public static QuestionKind Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Knowledge.ArticleParser.Normalize(question);
        // "Waar staat DIMEFIL voor?" and "waar gaat de brief over?" ask what something means or is about.
        if (MeaningWords().IsMatch(text))
        {
            return QuestionKind.What;
        }

        if (WhyWords().IsMatch(text))
        {
            return QuestionKind.Why;
        }

        if (MoneyWords().IsMatch(text))
        {
            return QuestionKind.Money;
        }

        if (NumberWords().IsMatch(text))
        {
            return QuestionKind.Number;
        }

        if (DateWords().IsMatch(text))
        {
            return QuestionKind.Date;
        }

        if (WhereWords().IsMatch(text))
        {
            return QuestionKind.Where;
        }

        return WhoWords().IsMatch(text) ? QuestionKind.Who : QuestionKind.What;
    }

    /// <summary>
    /// Whether the question names its kind of detail unmistakably, so that only a sentence with that detail answers it:
    /// "hoeveel", "welk percentage", "welke datum", "welk telefoonnummer". "Wanneer", "waar" and "waarom" also ask
    /// "in which case", "where does it come from" or "what for", so they only make a sentence with the detail preferred.
    /// </summary>
    public static bool IsStrict(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Knowledge.ArticleParser.Normalize(question);
        return !MeaningWords().IsMatch(text) && StrictWords().IsMatch(text);
    }

    [GeneratedRegex(@"\b(?:hoeveel|hoe ?veel|hoe ?lang|hoelang|hoe vaak|hoe groot|hoe hoog|hoe oud|welk percentage|welk bedrag|kost|kosten|hoeveel geld|hoeveel euro|hoe duur|hoeveelste|binnen hoeveel|in hoeveel|met hoeveel|welke datum|op welke dag|in welk jaar|welk jaar|sinds wanneer|welke maand|welk nummer|welk telefoonnummer|telefoonnummer|welke website|welke site|welk adres|welk mailadres|e ?mailadres|url)\b")]
    private static partial Regex StrictWords();

    [GeneratedRegex(@"\b(?:hoeveel|hoe ?veel|hoe ?lang|hoelang|hoe groot|hoe hoog|hoe vaak|hoe oud|welk percentage|welk bedrag|wat kost|hoeveelste|hoe duur|binnen hoeveel|in hoeveel|met hoeveel|kenmerk|referentienummer|kamerstuknummer|kamerstuk|welk nummer heeft|welk artikel|welke artikelen)\b")]
    private static partial Regex NumberWords();

    [GeneratedRegex(@"\b(?:kost|kosten|hoeveel geld|welk bedrag|hoe duur|hoeveel euro|wat betaalt|hoeveel krijgt|hoeveel krijgen|prijs)\b")]
    private static partial Regex MoneyWords();

    [GeneratedRegex(@"\b(?:waarom|om welke reden|met welk doel|waardoor|hoe komt het)\b")]
    private static partial Regex WhyWords();

    [GeneratedRegex(@"\bwaar (?:staat|gaat|gaan|staan)\b.*\b(?:voor|over)\b|\bwaarvoor\b|\bwaarover\b")]
    private static partial Regex MeaningWords();

    [GeneratedRegex(@"\b(?:wanneer|welke datum|op welke dag|in welk jaar|welk jaar|sinds wanneer|tot wanneer|vanaf wanneer|hoe laat|welke maand|per wanneer)\b")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"\b(?:waar|welk nummer|welk telefoonnummer|telefoonnummer|welke website|welke site|welk adres|welk mailadres|e ?mailadres|link|url|in welke (?:gemeente|stad|plaats|regio|wijk|provincie)|op welke (?:plek|locatie|verdieping))\b")]
    private static partial Regex WhereWords();

    [GeneratedRegex(@"\b(?:wie|bij wie|welke minister|welke organisatie|welke instantie|welke dienst|welke partij|welke partijen|welke commissie|welke eurocommissaris|door wie|van wie|naar wie)\b")]
    private static partial Regex WhoWords();
}
