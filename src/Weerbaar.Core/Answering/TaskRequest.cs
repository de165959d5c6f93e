using System.Text.RegularExpressions;

namespace Weerbaar.Core.Answering;

/// <summary>
/// Recognises a request for work Weerbaar does not do — writing, translating, planning, sending — so it gets a short
/// reply saying what Weerbaar does instead of a knowledge answer that pretends to be one.
/// </summary>
public static partial class TaskRequest
{
    public static bool Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Knowledge.ArticleParser.Normalize(text);
        return Imperative().IsMatch(normalized) || PoliteRequest().IsMatch(normalized);
    }

    // "schrijf een raadsvoorstel", "maak een persbericht", "vertaal de brief", "stel een draaiboek op" (not "stel dat …").
    [GeneratedRegex(@"^(?:(?:kun je|kunt u|kan je|wil je|wilt u|zou je|zou u|graag|help me|help mij)\s+)?(?:schrijf|maak|vertaal|plan (?:een|het|de)|organiseer|stuur|mail|bel|bereken|ontwerp|genereer|boek|reserveer|verstuur|stel (?!dat)|vat .*samen|formuleer|bedenk|herschrijf|download)\b")]
    private static partial Regex Imperative();

    // "kun je een raadsvoorstel voor ons schrijven", "wil je de brief vertalen".
    [GeneratedRegex(@"^(?:kun je|kunt u|kan je|kan jij|wil je|wilt u|zou je|zou u)\b.*\b(?:schrijven|opstellen|maken|vertalen|plannen|inplannen|organiseren|regelen|sturen|versturen|mailen|bellen|berekenen|ontwerpen|genereren|boeken|reserveren|samenvatten|formuleren|herschrijven|invullen|doorsturen)\b")]
    private static partial Regex PoliteRequest();
}
