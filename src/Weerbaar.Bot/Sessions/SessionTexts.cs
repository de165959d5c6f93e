using Weerbaar.Core.Language;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>The gesprekstool's Dutch sentences outside the card templates, in one place (B1, polite "u").</summary>
public static class SessionTexts
{
    public const string RosterUnavailable =
        "Ik kan nu niet nagaan of de gespreksleider nog in dit gesprek is. Probeer het over een paar minuten opnieuw.";

    public const string NoScenario = "De gesprekstool is nu niet beschikbaar: het scenario kon niet worden geladen. Probeer het later nog eens.";
    public const string AlreadyRunning = "Er loopt al een sessie in dit gesprek. Typ **status** om te zien waar u bent. De gespreksleider kan die sessie beëindigen met **stop**; ik vraag dan eerst om bevestiging.";
    public const string NoSession = "Er loopt nu geen sessie in dit gesprek. Typ **start sessie** om er een te beginnen.";
    public const string SessionGone = "Deze sessie bestaat niet meer.";
    public const string SetupSent = "Vul de kaart in om de sessie te starten.";
    public const string SetupUsed = "Met deze kaart is al een sessie gestart.";
    public const string SetupInvalid = "Vul de naam van uw organisatie in (hooguit 100 tekens) en kies ten minste één stap.";
    public const string Started = "De sessie is gestart.";
    public const string StartedWhere = "U bedient de sessie op de gesprekskaart hieronder in de chat. Ziet u daar geen knoppen voor de gespreksleider? Kies dan op die kaart **Toon mijn weergave**.";
    public const string ContributionSaved = "Dank u. Uw bijdrage is opgeslagen.";
    public const string ContributionWithdrawn = "Uw bijdrage is ingetrokken.";
    public const string ContributionEdited = "Uw bijdrage is aangepast.";
    public const string NoContributionsYet = "Er zijn bij deze stap nog geen bijdragen.";
    public const string AllContributionsPosted = "Alle bijdragen van deze stap staan hieronder in de chat.";
    public const string ReadySaved = "U staat op klaar voor deze stap.";
    public const string AgreementSaved = "De afspraak is toegevoegd.";
    public const string TakenOver = "U bent nu de gespreksleider.";
    public const string HandedOver = "De rol van gespreksleider is overgedragen.";
    public const string HandOverHow = "Noem de nieuwe gespreksleider met een @-vermelding, bijvoorbeeld: @Weerbaar overdragen @Naam.";
    public const string Cancelled = "De sessie is beëindigd. Er waren nog geen bijdragen, dus er is geen verslag.";
    public const string Completed = "De sessie is afgerond. Het verslag staat hieronder.";
    public const string EndedEarly = "De sessie is vroegtijdig beëindigd. Het verslag staat hieronder.";
    public const string Continues = "De sessie gaat door.";
    public const string NoReport = "Er is in dit gesprek nog geen afgeronde sessie met een verslag.";
    public const string AnonymousTyped = "Deze sessie is anoniem. Als u hier typt, ziet iedereen wie het schreef. Gebruik het invulveld op de kaart (kies **Toon mijn weergave**) of stuur uw bijdrage in een 1-op-1-chat met mij.";
    public const string ContributionHow = "Typ uw bijdrage zo: **bijdrage:** gevolgd door uw tekst. Of gebruik het invulveld op de kaart.";
    public const string Paused = "De sessie is gepauzeerd.";

    /// <summary>Why the setup card's start button started no session.</summary>
    public static string SetupRefused(SetupRefusal refusal) => refusal switch
    {
        SetupRefusal.AlreadyRunning => AlreadyRunning,
        SetupRefusal.Used => SetupUsed,
        _ => SetupInvalid,
    };

    // The setup dialog ("Sessie instellen"). Teams shows a dialog's closing line as plain text: no Markdown.
    public const string SetupDialogStarted = "De sessie is gestart. U bent de gespreksleider. De kaart van de sessie staat in de chat.";
    public const string SetupDialogStale = "Deze knop hoort bij een oude kaart. Typ start sessie in de chat voor een nieuwe kaart.";
    public const string SetupDialogAlreadyRunning = "Er loopt al een sessie in dit gesprek. Typ status in de chat om te zien waar u bent.";
    public const string SetupOrganisationMissing = "Vul de naam van uw organisatie in.";
    public const string SetupKindUnknown = "Kies een soort organisatie uit de lijst.";
    public const string SetupStepsMissing = "Kies ten minste één stap.";
    public const string SetupStepsUnknown = "Kies alleen stappen uit de lijst.";
    public const string SetupMinutesUnknown = "Kies 60, 90 of 120 minuten.";
    public const string SetupAnonymousUnknown = "Kies ja of nee.";
    public const string SetupPlanHeading = "Zo verdeel ik de tijd";
    public const string SetupPlanChanged = "Kiest u iets anders, dan ziet u de nieuwe tijden na Volgende.";

    /// <summary>Why the setup dialog started no session, as its closing line.</summary>
    public static string SetupDialogRefused(SetupRefusal refusal) => refusal switch
    {
        SetupRefusal.AlreadyRunning => SetupDialogAlreadyRunning,
        SetupRefusal.Used => SetupUsed,
        _ => SetupInvalid,
    };

    public static string SetupOrganisationTooLong(int length) =>
        $"Deze naam is te lang ({length} tekens). Gebruik hooguit {SessionEngine.MaxOrganisationNameLength} tekens.";

    /// <summary>Under the time per step: the total, and the agreements step the engine adds when it was not chosen.</summary>
    public static string SetupPlanNote(int totalMinutes, string? addedStep) =>
        $"Samen {totalMinutes} minuten. Elke stap krijgt de voorgestelde tijd, naar verhouding aangepast aan de lengte van de sessie."
        + (addedStep is null ? string.Empty : $" De stap \"{addedStep}\" is toegevoegd: een sessie eindigt altijd met afspraken.");

    public static string KindName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Bedrijf => "Bedrijf",
        OrganisationKind.Maatschappelijk => "Zorg, onderwijs of maatschappelijke organisatie",
        _ => "Gemeente",
    };

    public const string ContributeDialogTitle = "Bijdrage geven";
    public const string AgreementDialogTitle = "Afspraak toevoegen";
    public const string ContributionReceived = "Ontvangen";
    public const string AgreementReceived = "Afspraak vastgelegd";
    public const string AnotherContribution = "Nog een bijdrage";
    public const string AnotherAgreement = "Nog een afspraak";
    public const string DialogStepOver = "Deze stap is voorbij. Er is niets veranderd. Open het venster opnieuw vanaf de kaart in de chat.";
    public const string DialogNoQuestions = "Bij deze stap zijn geen vragen om te beantwoorden.";
    public const string DialogAnonymous = "Deze sessie is anoniem: niemand ziet wie wat schreef.";
    public const string ChooseQuestion = "Kies een vraag uit de lijst.";
    public const string AgreementWhatMissing = "Vul in wat u afspreekt.";
    public const string AgreementOwnerMissing = "Vul een rol in, bijvoorbeeld teamleider ICT.";
    public const string AgreementDueMissing = "Kies een datum.";
    public const string AgreementDuePast = "Kies vandaag of een latere datum.";

    public const string VotingOpened = "De stemronde is open. Iedereen kan nu stemmen met de knop Stemmen op de kaart in de chat.";
    public const string VotingClosed = "De stemronde is gesloten. De bijdragen met de meeste stemmen staan op de kaart in de chat.";
    public const string VotesSaved = "Uw stemmen zijn opgeslagen. U kunt ze aanpassen tot de gespreksleider de stemronde sluit.";
    public const string Merged = "De bijdragen zijn samengevoegd. De stemmen tellen samen.";
    public const string VoteDialogTitle = "Stemmen";
    public const string MergeDialogTitle = "Samenvoegen";
    public const string VotesReceived = "Stemmen opgeslagen";
    public const string MergeReceived = "Samengevoegd";
    public const string ChangeVotes = "Stemmen aanpassen";
    public const string AnotherMerge = "Nog een keer samenvoegen";
    public const string VoteDialogAnonymous = "Deze sessie is anoniem: niemand ziet hoe u stemt.";
    public const string VoteDialogNotAnonymous = "Niemand ziet hoe u stemt: de groep ziet alleen het totaal per bijdrage.";
    public const string VotingNotOpenDialog = "Er is nu geen stemronde open. Er is niets veranderd.";
    public const string MergeNeedsTwo = "Er zijn bij deze stap nog geen twee bijdragen om samen te voegen.";
    public const string MergeChooseTwo = "Kies twee verschillende bijdragen.";
    public const string VoteNotANumber = "Vul een heel getal in, 0 of meer.";

    /// <summary>How the votes are to be spread, on top of the voting dialog.</summary>
    public static string VoteHow(int votes) =>
        $"U hebt {DutchCounts.Votes(votes)}. Geef ze aan de bijdragen die u het belangrijkst vindt. U mag meer stemmen aan één bijdrage geven.";

    /// <summary>"Nog 2 van de 3 stemmen over."</summary>
    public static string VotesLeft(int left, int votes) => $"Nog {left} van de {DutchCounts.Votes(votes)} over.";

    /// <summary>Under the voting form when the member gave more than they have.</summary>
    public static string TooManyVotes(int given, int votes) =>
        $"U gaf {DutchCounts.Votes(given)}, maar u hebt er {votes}. Haal er {given - votes} weg.";

    /// <summary>"Pagina 2 van 5" above a long voting list.</summary>
    public static string Page(int page, int pages) => $"Pagina {page} van {pages}";

    /// <summary>"Te lang: hooguit 300 tekens." under a field whose text does not fit.</summary>
    public static string TooLong(int maxLength) => $"Dit is te lang. Houd het bij hooguit {maxLength} tekens.";

    /// <summary>
    /// How long the current step still runs, with its end in Dutch time: "Nog 12 minuten (tot 14:35).", "Nog 1 minuut
    /// (tot 14:35).", "Tijd is om (sinds 14:35).", or that the session is paused.
    /// </summary>
    public static string TimeLeft(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == SessionStatus.Paused)
        {
            return Paused;
        }

        var minutes = (int)Math.Ceiling(state.Remaining(now).TotalMinutes);
        var end = SessionClock.TimeOfDay(state.StepEndsAt);
        return minutes <= 0 ? $"Tijd is om (sinds {end})." : $"Nog {DutchCounts.Of(minutes, "minuut", "minuten")} (tot {end}).";
    }

    /// <summary>
    /// The line in the chat when a step's time is up: "@Naam, de tijd voor stap 3 (Titel) is om. Kies Volgende of +5
    /// minuten." <paramref name="mention"/> is the facilitator's mention markup, or null when their name is unknown.
    /// </summary>
    public static string TimeUp(string? mention, int stepNumber, string title)
    {
        var step = string.IsNullOrWhiteSpace(title) ? $"stap {stepNumber}" : $"stap {stepNumber} ({title})";
        return mention is null
            ? $"De tijd voor {step} is om. Gespreksleider: kies Volgende of +5 minuten."
            : $"{mention}, de tijd voor {step} is om. Kies Volgende of +5 minuten.";
    }

    /// <summary>What ending does, said on the confirmation before the facilitator confirms.</summary>
    /// <param name="completes">Whether the confirmation completes the session (its last step, with agreements).</param>
    public static string EndConsequence(SessionState state, bool completes)
    {
        ArgumentNullException.ThrowIfNull(state);
        return completes ? "De sessie wordt afgerond. Het verslag komt daarna in de chat."
            : state.Contributions.Count > 0 || state.Agreements.Count > 0
                ? "Wat is ingebracht, blijft bewaard: het verslag komt in de chat, met de vermelding dat de sessie vroegtijdig is beëindigd."
                : "Er zijn nog geen bijdragen. De sessie stopt zonder verslag.";
    }

    public static string ReminderScheduled(int weeks) => $"Afgesproken. Over {weeks} weken vraag ik in dit gesprek hoe het met de afspraken gaat.";

    public static string Reminder(string organisation, IEnumerable<string> agreements)
    {
        var list = string.Join("\n", agreements.Select(a => "- " + a));
        return $"Een tijd geleden hield u de sessie met de gesprekstool voor {organisation}. Hoe staat het met de afspraken?"
            + (list.Length > 0 ? "\n\n" + list : string.Empty)
            + "\n\nTyp **start sessie** als u een nieuw gesprek wilt voeren.";
    }

    public const string ReminderWithoutSession = "Een tijd geleden hield u een sessie met de gesprekstool. Hoe staat het met de afspraken die u toen maakte?";

    public static string Refusal(SessionRefusal refusal) => refusal switch
    {
        SessionRefusal.NotFacilitator => "Alleen de gespreksleider kan dit doen.",
        SessionRefusal.SessionClosed => "Deze sessie is al afgelopen.",
        SessionRefusal.StepOver => "Deze stap is voorbij. Hieronder ziet u de huidige stap.",
        SessionRefusal.NoSuchQuestion => "Die vraag hoort niet bij de huidige stap.",
        SessionRefusal.NoSuchContribution => "Die bijdrage bestaat niet meer.",
        SessionRefusal.NotYourContribution => "U kunt alleen uw eigen bijdragen aanpassen.",
        SessionRefusal.EmptyText => "Uw bijdrage is leeg. Typ eerst iets in het invulveld.",
        SessionRefusal.TextTooLong => "Uw tekst is te lang. Houd het bij hooguit 1000 tekens.",
        SessionRefusal.AlreadyFirstStep => "U bent al bij de eerste stap.",
        SessionRefusal.AlreadyLastStep => "Dit is de laatste stap. Rond de sessie af met ten minste één afspraak.",
        SessionRefusal.NotLastStep => "U kunt de sessie pas afronden bij de laatste stap.",
        SessionRefusal.NeedsAgreement => "Leg eerst ten minste één afspraak vast: wat, wie (een rol) en wanneer.",
        SessionRefusal.NotEnoughToReveal => "In een anonieme sessie toon ik bijdragen pas vanaf 3 stuks, zodat niemand te herkennen is.",
        SessionRefusal.NotPaused => "De sessie is niet gepauzeerd.",
        SessionRefusal.AlreadyPaused => "De sessie is al gepauzeerd.",
        SessionRefusal.TooManyInStep => "U hebt bij deze stap al het hoogste aantal bijdragen gegeven. Uw eerdere bijdragen blijven bewaard. U kunt ze nog aanpassen of er een intrekken.",
        SessionRefusal.TooManyInSession => "U hebt in deze sessie al het hoogste aantal bijdragen gegeven. Uw eerdere bijdragen blijven bewaard.",
        SessionRefusal.NotRevealed => "Toon eerst de bijdragen aan de groep. Daarna kunt u de stemronde openen.",
        SessionRefusal.NothingToVoteOn => "Er zijn bij deze stap nog geen bijdragen om op te stemmen.",
        SessionRefusal.VotingNotOpen => "Er is nu geen stemronde open. Er is niets veranderd.",
        SessionRefusal.VotingAlreadyOpen => "De stemronde is al open.",
        SessionRefusal.TooManyVotes => "U hebt meer stemmen gegeven dan u hebt.",
        SessionRefusal.NotInThisStep => "Die bijdrage hoort bij een andere stap.",
        SessionRefusal.SameContribution => "Kies twee verschillende bijdragen.",
        SessionRefusal.NoSuchAgreement => "Die afspraak hoort niet bij de afspraken van vorige keer. Er is niets veranderd.",
        SessionRefusal.FacilitatorStillHere => "De gespreksleider is nog in dit gesprek. Vraag of die de rol aan u overdraagt.",
        _ => "Dat kan nu niet. Controleer wat u hebt ingevuld.",
    };

    /// <summary>What the member who asked is told about a decision: the refusal, or what was done.</summary>
    public static string Outcome(SessionCommand command, SessionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Accepted)
        {
            return Refusal(decision.Refusal);
        }

        return command switch
        {
            Contribute => ContributionSaved,
            WithdrawContribution => ContributionWithdrawn,
            EditContribution => ContributionEdited,
            MarkReady => ReadySaved,
            AddAgreement => AgreementSaved,
            RevealContributions when decision.State.CurrentStepContributions().Count == 0 => NoContributionsYet,
            OpenVoting => VotingOpened,
            CloseVoting => VotingClosed,
            CastVotes => VotesSaved,
            MergeContributions => Merged,
            MarkPreviousAgreements => "Opgeslagen. " + SessionPreviousAgreements.Summary(decision.State),
            TakeOver => TakenOver,
            HandOver => HandedOver,
            Cancel => Cancelled,
            Complete => Completed,
            EndSession => decision.State.Status != SessionStatus.Completed ? Cancelled : decision.State.EndedEarly ? EndedEarly : Completed,
            _ => string.Empty,
        };
    }

    public static string Status(SessionState state, int contributions, int participants, int ready, string timing) =>
        $"Stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}. {timing} {DutchCounts.Contributions(contributions)} bij deze stap van {DutchCounts.Participants(participants)}; {ReadyCount(ready)}";

    /// <summary>The line for a typed step change: "Stap 3 van 9: Regionale stroomstoring."</summary>
    public static string StepLine(SessionState state, string? title)
    {
        ArgumentNullException.ThrowIfNull(state);
        var label = $"Stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}";
        return string.IsNullOrEmpty(title) ? label + "."
            : title.EndsWith('?') || title.EndsWith('!') ? $"{label}: {title}"
            : $"{label}: {title.TrimEnd('.')}.";
    }

    /// <summary>"1 deelnemer is klaar.", "2 deelnemers zijn klaar."</summary>
    public static string ReadyCount(int ready) => $"{DutchCounts.Participants(ready)} {(ready == 1 ? "is" : "zijn")} klaar.";
}
