namespace Weerbaar.Bot.Conversation;

/// <summary>The bot's own Dutch sentences outside cards, in one place. Plain language (B1), short, polite "u".</summary>
public static class ConversationTexts
{
    public const string NotKnown =
        "Dat weet ik niet. Ik vind hierover niets in mijn kennisbank. Typ **help** om te zien wat ik wel kan.";

    public const string EmptyMessage =
        "Ik zie geen vraag in uw bericht. Typ uw vraag, of typ **help** om te zien wat ik kan.";

    public const string SessionNotAvailable =
        "De gesprekstool kan ik nog niet begeleiden. Die functie komt in een volgende versie van Weerbaar.";

    public const string WelcomeSummary = "Welkom bij Weerbaar";

    public const string HelpSummary = "Wat kunt u mij vragen?";

    public const string UnknownCardAction =
        "Deze knop werkt niet meer. Misschien is de kaart verouderd. Typ help om te zien wat ik kan.";

    public const string InvalidCardAction =
        "Deze actie begrijp ik niet. Typ help om te zien wat ik kan.";

    public const string QuestionReceived = "Uw vraag is ontvangen.";

    public const string HelpSent = "Het overzicht staat hieronder in de chat.";

    /// <summary>The start of an answer to a question asked by a button; <paramref name="question"/> is Markdown-escaped.</summary>
    public static string YouAsked(string question) => $"U vroeg: {question}\n\n";

    public static string QuestionTooLong(int maxLength) =>
        $"Uw vraag is te lang voor mij. Stel een korte vraag van hooguit {maxLength} tekens.";

    public static string SomethingWentWrong(string correlationId) =>
        $"Sorry, er ging bij mij iets mis. Wat u al had ingevoerd, is niet verloren. Probeer het straks nog eens. Blijft het misgaan? Geef dan deze code door aan de beheerder: {correlationId}.";
}
