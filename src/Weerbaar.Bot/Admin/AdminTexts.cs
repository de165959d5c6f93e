namespace Weerbaar.Bot.Admin;

/// <summary>Every Dutch text of the admin feature (B1), in one place.</summary>
public static class AdminTexts
{
    public const string NoAccess = "U heeft geen toegang tot het beheer van Weerbaar. Vraag een beheerder om u toe te voegen.";
    public const string PersonalOnly = "Beheer kan alleen in een 1-op-1-chat met mij. Open die chat en typ daar **beheer**.";
    public const string UnknownCommand = "Dat beheercommando ken ik niet. U kunt typen: **beheer**, **beheer log**, **beheer vragen** of **beheer feedback**.";
    public const string StaleCard = "Deze kaart hoort bij iets dat niet meer bestaat. Typ **beheer** om opnieuw te beginnen.";

    // What waits on the home card are drafts (of an article, the source list or the conversation tool) to review and publish.
    public static string HomeSummary(int published, int waiting, int stale, int days) =>
        $"{PublishedLine(published)} {WaitingLine(waiting)} {StaleLine(stale, days)}";

    private static string PublishedLine(int count) => count switch
    {
        0 => "Er is nog geen artikel gepubliceerd.",
        1 => "1 artikel is gepubliceerd.",
        _ => $"{count} artikelen zijn gepubliceerd.",
    };

    private static string WaitingLine(int count) => count switch
    {
        0 => "Er wachten geen concepten op u.",
        1 => "1 concept wacht op u.",
        _ => $"{count} concepten wachten op u.",
    };

    private static string StaleLine(int count, int days)
    {
        var period = days == 1 ? "1 dag" : $"{days} dagen";
        return count switch
        {
            0 => $"Alle artikelen zijn in de laatste {period} gecontroleerd.",
            1 => $"1 artikel is langer dan {period} niet gecontroleerd.",
            _ => $"{count} artikelen zijn langer dan {period} niet gecontroleerd.",
        };
    }

    public static string NoResults(string query) => $"Geen artikel gevonden met '{query}'.";
    public static string Saved(int number) => $"Opgeslagen als concept (versie {number}). Gebruikers zien nog de gepubliceerde versie.";
    public static string SavedWithProblems(int number) => $"Opgeslagen als concept (versie {number}). Voordat u kunt publiceren, moet u dit nog aanpassen:";
    public static string Published(int number) => $"Gepubliceerd (versie {number}). Vragen krijgen vanaf nu dit antwoord.";
    public static string NotPublished(int number) => $"Niet gepubliceerd. Uw tekst is bewaard als concept (versie {number}). Pas dit aan:";
    public const string Invalid = "Niet opgeslagen. Pas dit aan:";
    public const string Unpublished = "Het artikel staat niet meer in de antwoorden. De versies blijven bewaard.";
    public static string RolledBack(int number) => $"Teruggezet. Gebruikers krijgen nu versie {number}.";
    public const string RolledBackToNothing = "Teruggedraaid. Er was geen eerdere versie, dus het artikel staat niet meer in de antwoorden.";
    public const string NothingToRollBack = "Er is niets om terug te draaien.";
    public const string Conflict = "Iemand anders heeft dit intussen gewijzigd. Er is niets overschreven. Uw tekst staat hieronder nog: kopieer wat u wilt houden en open het opnieuw via **beheer**.";
    public static string AlreadyExists(string key) => $"Er bestaat al een artikel met het id '{key}'. Kies een ander id, of zoek het bestaande op.";
    public const string PreviewBelow = "Het voorbeeld staat hieronder: zo ziet een gebruiker het antwoord.";
    public const string PreviewLabel = "VOORBEELD";

    public const string PreviewExplained = "Zo ziet een gebruiker het antwoord. De knoppen werken hier niet.";

    public const string PreviewButtonPressed = "Dit is een voorbeeld. De knop werkt pas in een echt antwoord.";

    public const string PreviewImpossible = "Een voorbeeld kan nog niet: het artikel heeft een titel, samenvatting en tekst nodig.";
    public static string OutOfScope(int count) => count == 1
        ? "1 vraag hoort nu niet bij Weerbaar. Die komt niet meer in deze lijst."
        : $"{count} vragen horen nu niet bij Weerbaar. Ze komen niet meer in deze lijst.";
    public static string Status(string published, int latest, string status, string author, string when) => $"Gepubliceerd: {published}. Nieuwste versie: {latest} ({status} van {author}, {when}).";
    public const string NotPublishedYet = "nog niet";
    public const string BodyWhole = "Tekst (Markdown; kopjes met ##)";
    public const string BodyLead = "Tekst: inleiding";
    public static string BodySection(string heading) => $"Tekst: ## {heading}";
    public const string NewArticleHeading = "Nieuw artikel";
    public static string EditArticleHeading(string key) => $"Artikel bewerken: {key}";
    public static string SourceRow(int number) => $"Bron {number}";
    public const string SourcesOnOldCard = "Deze kaart is van een oudere versie en kan de bronnen niet goed doorgeven. Er is niets opgeslagen. Typ **beheer** en open het artikel opnieuw.";
    public const string SourceRemoved = "De bron is weggehaald. Dit is pas bewaard als u opslaat of publiceert.";
    public const string SourceAdded = "Er staat een lege bron onderaan de bronnen. Dit is pas bewaard als u opslaat of publiceert.";
    public const string PreviewAbove = "Het voorbeeld staat hieronder, boven het formulier. Uw wijzigingen zijn nog niet opgeslagen.";
    public const string DateMissing = "Vul de datum 'laatst gecontroleerd' in.";
    public const string FactsAsOfMissing = "Vul de stand van de feiten in als JJJJ-MM, bijvoorbeeld 2026-03.";
    public static string HistoryTitle(string key) => $"Geschiedenis: {key}";
    public const string HistoryIntro = "De nieuwste versie staat bovenaan. Terugzetten maakt van een oude versie een nieuwe, gepubliceerde versie.";
    public const string LogTitle = "Logboek van de kennisbank";
    public static string LogIntro(int count) => $"De laatste {count} wijzigingen, de nieuwste bovenaan.";
    public const string QuestionsTitle = "Vragen zonder antwoord";
    public const string QuestionsIntro = "Vragen waarop ik geen betrouwbaar antwoord had, gegroepeerd op gelijke woorden. \"Deels bekend\": het onderwerp staat in de kennisbank, het gevraagde detail niet. Er staat nooit bij wie het vroeg.";

    public static string QuestionGroupLine(int count, int partial, string lastAsked) => partial switch
    {
        0 => $"{count}× gevraagd, het laatst op {lastAsked}",
        _ when partial == count => $"{count}× gevraagd, deels bekend, het laatst op {lastAsked}",
        _ => $"{count}× gevraagd ({partial}× deels bekend), het laatst op {lastAsked}",
    };
    public const string FeedbackTitle = "Feedback per artikel";
    public const string FeedbackIntro = "Artikelen met het grootste deel 👎 staan bovenaan. Bij elke opmerking staat de vraag waar die over ging, zonder persoonsgegevens.";

    /// <summary>A 👎 comment with the (masked) question it was about; comments kept before questions were have none.</summary>
    public static string FeedbackComment(string comment, string question) =>
        question.Length == 0 ? $"“{comment}”" : $"Vraag: “{question}” → “{comment}”";
    public const string Empty = "Er is nog niets.";
    public const string SeedAuthor = "seedbestanden";
    public const string BlocksHeadingResources = "Bronnenlijst bewerken";
    public const string BlocksHeadingScenario = "Gesprekstool bewerken";
    public const string BlockLabel = "Tekst van dit onderdeel (YAML; let op de inspringing)";
    public static string BlocksStatus(string published, int part, int parts) => $"Gepubliceerd: {published}. U bewerkt onderdeel {part} van {parts}.";
    public const string UnnamedAdmin = "beheerder";
    public const string FileNotAllowed = "Dit bestand kan ik niet ophalen: het staat niet in de opslag van Teams. Stuur het bestand hier in de chat als bijlage. Er is niets veranderd.";
    public const string FileDownloadFailed = "Het ophalen van het bestand is mislukt. Probeer het later nog een keer. Er is niets veranderd.";
    public static string FileTooLarge(int megabytes) => $"Het bestand is te groot: het mag hoogstens {megabytes} MB zijn. Er is niets veranderd.";
    public const string FileTypeUnknown = "Ik kan alleen een artikel (.md) of een zipbestand (.zip) importeren. Er is niets veranderd.";
    public const string OneFileAtATime = "Stuur één bestand tegelijk. Wilt u meer bestanden importeren? Zet ze samen in een zipbestand. Er is niets veranderd.";
    public const string ImportRefused = "Niets geïmporteerd. Pas dit aan:";
    public const string ImportEmpty = "In het zipbestand staan geen bestanden voor de kennisbank. Er is niets geïmporteerd.";
    public const string Imported = "Geïmporteerd en gepubliceerd. Vragen krijgen vanaf nu de nieuwe tekst.";
    public const string ImportNothingChanged = "Er is niets veranderd: alles stond er al precies zo in.";
    public static string ImportCreated(string names) => $"Nieuw: {names}";
    public static string ImportUpdated(string names) => $"Bijgewerkt: {names}";
    public static string ImportUnchanged(string names) => $"Ongewijzigd: {names}";
    public static string AndMore(int count) => $"en nog {count}";
}
