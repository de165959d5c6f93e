using Weerbaar.Core.Language;

namespace Weerbaar.Bot.Conversation;

/// <summary>The bot's own Dutch sentences outside cards, in one place. Plain language (B1), short, polite "u".</summary>
public static class ConversationTexts
{
    public const string NotKnownSummary = "Dat weet ik niet zeker";

    public const string PartialSummary = "Dat staat niet in mijn kennisbank";

    public const string TaskRequest =
        "Dat werk doe ik niet: ik schrijf, vertaal of verstuur geen stukken voor u. Ik beantwoord vragen over maatschappelijke weerbaarheid met de bronnen erbij, en ik begeleid een gesprek met de gesprekstool (typ **start sessie**). Typ **help** om te zien wat ik kan.";

    /// <summary>What a partial answer says it did not find, by the kind of detail asked for.</summary>
    public static string MissingDetail(Core.Answering.QuestionKind kind) => kind switch
    {
        Core.Answering.QuestionKind.Number => "het getal",
        Core.Answering.QuestionKind.Money => "het bedrag",
        Core.Answering.QuestionKind.Date => "de datum of periode",
        Core.Answering.QuestionKind.Who => "de persoon of organisatie",
        Core.Answering.QuestionKind.Where => "de plek, het adres of de link",
        Core.Answering.QuestionKind.Why => "de reden",
        _ => "het precieze antwoord",
    };

    public const string ArticleGone = "Dit artikel is niet (meer) beschikbaar. Stel uw vraag opnieuw, dan zoek ik het actuele antwoord.";

    public const string ArticleBelow = "Het hele artikel staat hieronder in de chat.";

    public const string FeedbackThanks = "Bedankt voor uw reactie.";

    public const string EmptyMessage =
        "Ik zie geen vraag in uw bericht. Typ uw vraag, of typ **help** om te zien wat ik kan.";


    public const string WelcomeSummary = "Welkom bij Weerbaar";

    public const string HelpSummary = "Wat kunt u mij vragen?";

    public const string UnknownCardAction =
        "Deze knop werkt niet meer. Misschien is de kaart verouderd. Typ help om te zien wat ik kan.";

    public const string DialogUnsupported =
        "Deze knop opent een venster, en dat kan deze app niet. Gebruik de velden en knoppen op de kaart zelf.";

    public const string InvalidCardAction =
        "Deze actie begrijp ik niet. Typ help om te zien wat ik kan.";

    public const string QuestionReceived = "Uw vraag is ontvangen. Het antwoord staat hieronder.";

    public const string HelpSent = "Het overzicht staat hieronder in de chat.";

    public const string FeedbackAnswerGone = "Bij dit antwoord kan ik uw reactie niet meer opslaan. Stel de vraag gerust opnieuw.";

    public const string SourcesHeading = "Bronnen";

    public const string ErasureOnlyInPersonalChat =
        "Typ **verwijder mijn gegevens** in uw persoonlijke chat met mij. Daar leest niemand anders mee, en daar verwijder ik uw gegevens.";

    /// <summary>What was erased on "verwijder mijn gegevens", in plain words: one line per kind, kinds with nothing left out.</summary>
    public static string ErasureDone(Core.Privacy.ErasureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] lines =
        [
            Line(report.Contributions, "1 bijdrage aan een gesprekssessie is losgekoppeld van u. De tekst blijft anoniem in de sessie staan.", "{0} bijdragen aan gesprekssessies zijn losgekoppeld van u. De tekst blijft anoniem in de sessie staan."),
            Line(report.FacilitatedSessions, "1 sessie die u leidde, staat niet meer op uw naam.", "{0} sessies die u leidde, staan niet meer op uw naam."),
            Line(report.CardActions, "1 klikgegeven van sessiekaarten is gewist.", "{0} klikgegevens van sessiekaarten zijn gewist."),
            Line(report.StateRecords, "1 opgeslagen onderdeel van uw gesprekken met mij is gewist (zoals uw laatste vraag).", "{0} opgeslagen onderdelen van uw gesprekken met mij zijn gewist (zoals uw laatste vraag)."),
            Line(report.GroupQuestions, "1 laatste vraag in een groepsgesprek is gewist.", "{0} laatste vragen in groepsgesprekken zijn gewist."),
            Line(report.ChatReferences, "1 verwijzing naar deze chat (in een sessie of een herinnering) is gewist.", "{0} verwijzingen naar deze chat in sessies en herinneringen zijn gewist."),
            Line(report.KnowledgeVersions, "1 versie in de kennisbank draagt uw naam niet meer.", "{0} versies in de kennisbank dragen uw naam niet meer."),
            Line(report.AuditEntries, "1 regel in het beheerlogboek draagt uw naam niet meer.", "{0} regels in het beheerlogboek dragen uw naam niet meer."),
        ];
        var erased = lines.Where(l => l.Length > 0).ToList();
        var summary = erased.Count == 0 ? "Ik had geen gegevens van u opgeslagen." : "Ik heb uw gegevens verwijderd:\n\n" + string.Join("\n", erased);
        return summary + "\n\nVragen waarop ik geen antwoord had en uw 👍/👎 bewaar ik nooit met uw naam.";
    }

    private static string Line(int count, string one, string many) => count switch
    {
        0 => string.Empty,
        1 => "- " + one,
        _ => "- " + string.Format(System.Globalization.CultureInfo.InvariantCulture, many, count),
    };

    public const string SlowDown = "U stuurt veel berichten kort na elkaar. Wacht een minuut en probeer het dan opnieuw.";

    public const string NoPublicLink = "geen openbare link";

    public const string GenerationFallback = "Een AI-antwoord lukte nu niet. Dit antwoord komt rechtstreeks uit de kennisbank.";

    public const string GenerationRateLimited = "U hebt dit uur veel vragen gesteld. Dit antwoord komt daarom rechtstreeks uit de kennisbank.";

    /// <summary>The line under a generated answer: the AI label in words, for every client, and how current the articles used are (<see cref="FactsLine"/>).</summary>
    public static string GeneratedNotice(string factsLine) =>
        $"_Dit antwoord is met AI geschreven op basis van de kennisbank van Weerbaar. Controleer het in de bronnen. {factsLine}._";

    /// <summary>How current an article is: the month its facts stand for and the day an editor last checked it.</summary>
    public static string FactsLine(DateOnly factsAsOf, DateOnly lastChecked) =>
        $"Stand: {DutchDates.FormatMonth(factsAsOf)} · gecontroleerd {DutchDates.Format(lastChecked)}";

    /// <summary>Under an answer: the article it comes from and how current that is.</summary>
    public static string AnswerFrom(string title, string factsLine) => $"Uit: {title} · {factsLine}";

    /// <summary>The button that opens an answer's sources.</summary>
    public static string SourcesButton(int count) => count == 1 ? "1 bron" : $"{count} bronnen";

    /// <summary>Under the sources an answer card names, when the article has more.</summary>
    public static string MoreSourcesInArticle(int count) => $"Alle {count} bronnen staan onder Lees meer.";

    /// <summary>Under the whole article, when its facts can change: the article's own words on where to find the current state.</summary>
    public static string CurrentStateAt(string where) => $"**Actueel:** {where}";

    /// <summary>The start of an answer to a question asked by a button; <paramref name="question"/> is Markdown-escaped.</summary>
    public static string YouAsked(string question) => $"U vroeg: {question}\n\n";

    public static string ReadAsFollowUp(string previousQuestion) => $"Ik las uw vraag als vervolg op: {previousQuestion}";

    public static string SmallTalk(Core.Answering.SmallTalkKind kind) => kind switch
    {
        Core.Answering.SmallTalkKind.Greeting => "Hallo! Stel gerust uw vraag over maatschappelijke weerbaarheid. Typ **help** om te zien wat ik kan.",
        Core.Answering.SmallTalkKind.Thanks => "Graag gedaan. Hebt u nog een vraag? Stel hem gerust.",
        Core.Answering.SmallTalkKind.Goodbye => "Tot ziens! U kunt mij altijd weer een vraag stellen.",
        Core.Answering.SmallTalkKind.Opinion => "Ik geef geen mening. Ik geef feiten uit mijn kennisbank, met de bronnen erbij. Stel gerust een vraag over de feiten.",
        _ => "Ik ben Weerbaar, een AI-systeem. Ik beantwoord vragen over maatschappelijke weerbaarheid met de bronnen erbij. Ik kan fouten maken. Typ **help** om te zien wat ik kan.",
    };

    public static string SomethingWentWrong(string correlationId) =>
        $"Sorry, er ging bij mij iets mis. Wat u al had ingevoerd, is niet verloren. Probeer het straks nog eens. Blijft het misgaan? Geef dan deze code door aan de beheerder: {correlationId}.";
}
