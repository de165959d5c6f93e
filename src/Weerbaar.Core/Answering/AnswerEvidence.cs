using System.Text.RegularExpressions;

namespace Weerbaar.Core.Answering;

/// <summary>
/// Whether a sentence carries the kind of detail a question asks for, and where: the phrase the answer card shows in
/// bold. A question "hoeveel …" is answered by a sentence with a number, "wanneer …" by one with a date.
/// </summary>
public static partial class AnswerEvidence
{
    /// <summary>The phrase in <paramref name="sentence"/> that gives the asked detail, or null when it has none.</summary>
    public static Match? Phrase(QuestionKind kind, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var match = kind switch
        {
            QuestionKind.Number => Number().Match(sentence),
            QuestionKind.Money => Money().Match(sentence),
            QuestionKind.Date => Date().Match(sentence),
            QuestionKind.Who => Who().Match(sentence),
            QuestionKind.Where => Where().Match(sentence),
            QuestionKind.Why => Why().Match(sentence),
            _ => null,
        };
        return match is { Success: true } ? match : null;
    }

    /// <summary>
    /// How exact the phrase is, from 0 to 1: a full date says more than a bare year, a number with its unit more than a
    /// number word, a name more than a role.
    /// </summary>
    public static double Strength(QuestionKind kind, string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return kind switch
        {
            QuestionKind.Date when FullDate().IsMatch(phrase) => 1.0,
            QuestionKind.Date when phrase.Any(char.IsLetter) => 0.7,
            QuestionKind.Number when phrase.Any(char.IsDigit) && phrase.Any(char.IsLetter) || phrase.Contains('%', StringComparison.Ordinal) => 1.0,
            QuestionKind.Number when phrase.Any(char.IsDigit) => 0.7,
            QuestionKind.Who when phrase.Count(char.IsUpper) >= 2 => 1.0,
            QuestionKind.Why or QuestionKind.Money => 1.0,
            QuestionKind.Where when phrase.Contains('.', StringComparison.Ordinal) || phrase.Any(char.IsDigit) || phrase.Contains('@', StringComparison.Ordinal) => 1.0,
            QuestionKind.What => 0,
            _ => 0.5,
        };
    }

    [GeneratedRegex(@"€\s?\d[\d.,]*(?:\s?(?:miljoen|miljard|duizend))?|\b\d[\d.,]*\s?(?:(?:miljoen|miljard|duizend)\s)?euro\b", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(?:omdat|want|daarom|doordat|zodat|vanwege|door|reden|bedoeld|doel|om te)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Why();

    [GeneratedRegex(@"\d{1,2}\s\p{L}+\s\d{4}|\d{1,2}-\d{1,2}-\d{4}")]
    private static partial Regex FullDate();

    // A number is an amount, not part of a date ("6 december"), a year ("2025") or a name ("artikel 5" answers "welk
    // artikel", which the What pattern takes).
    [GeneratedRegex(@"(?:€\s?)?(?<!artikel\s|nr\.\s|nr\s)\b(?!(?:19|20)\d{2}\b)\d[\d.,]*(?!\s(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b)(?:\s?%|\s?(?:procent|uur|minuten|dagen|weken|maanden|jaar|jaren|liter|euro|miljoen|miljard|mensen|personen|militairen|gemeenten|inwoners|huishoudens|keer|kilometer|km)\b)?|\b(?:een op de|twee op de)\s\w+|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|duizend|tienduizend|de helft|een derde|een kwart|twee derde|anderhalve|dubbel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(?:\d{1,2}\s)?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s\d{4})?\b|\b(?:begin|eind|medio|voorjaar|najaar|zomer|winter|herfst|sinds|vanaf|tot|in)\s(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:minister|staatssecretaris|burgemeester|voorzitter|directeur|commissaris|gemeenteraad|college|kabinet|veiligheidsregio|korpschef|officier van justitie|gemeentesecretaris|ghor|ggd|nctv|vng|defensie|rijk)\b|(?<=\S\s)(?:[A-Z][\p{Ll}-]+|[A-Z]{2,}\w*)(?:\s(?:van|de|der|den|voor|en)?\s?(?:[A-Z][\p{Ll}-]+|[A-Z]{2,}\w*))*")]
    private static partial Regex Who();

    [GeneratedRegex(@"https?://\S+|\bwww\.\S+|\b[\w-]+\.(?:nl|be|eu|com|org)\b|\b0\d{2,3}[- ]?\d{2,3}[- ]?\d{2,4}(?:[- ]?\d{2})?\b|\b0800[- ]?\d{4}\b|[\w.+-]+@[\w-]+\.\w+|\b(?:in|op|bij|naar|uit)\s(?:de\s)?(?:[A-Z][\p{Ll}-]+)(?:[-\s][A-Z][\p{Ll}-]+)*")]
    private static partial Regex Where();
}
