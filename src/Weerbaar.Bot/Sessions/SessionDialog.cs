namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The dialogs (Teams task modules) of the gesprekstool. A card button opens one with an <c>Action.Submit</c> whose
/// data is <c>{"msteams": {"type": "task/fetch"}, "dialog": name, "sessionId": id, "step": current step id}</c>;
/// the step lets a dialog opened from an old card see that the session has moved on.
/// </summary>
public static class SessionDialog
{
    /// <summary>"Bijdrage geven": a contribution to the current step's questions.</summary>
    public const string Contribute = "sessionContribute";

    /// <summary>"Afspraak toevoegen": an agreement, for the facilitator on the agreements step.</summary>
    public const string Agreement = "sessionAgreement";
}
