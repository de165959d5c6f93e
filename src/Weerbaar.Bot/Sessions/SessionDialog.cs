namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The names of the gesprekstool's dialogs: a card button opens one with <c>"dialog": name</c> in its task/fetch data,
/// and the dialog card's submit carries the same name back.
/// </summary>
public static class SessionDialog
{
    /// <summary>"Bijdrage geven": any member gives, edits or withdraws their contributions to the current step.</summary>
    public const string Contribute = "sessionContribute";

    /// <summary>"Afspraak toevoegen": the facilitator records an agreement.</summary>
    public const string Agreement = "sessionAgreement";

    /// <summary>"Sessie instellen": the setup in a few short steps.</summary>
    public const string Setup = "sessionSetup";
}
