namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The names of the gesprekstool's dialogs (Teams task modules). A card button opens one with an <c>Action.Submit</c>
/// whose data holds <c>"msteams": {"type": "task/fetch"}</c> and <c>"dialog": name</c> (for a session's dialogs also
/// the session and the current step, so a dialog opened from an old card sees that the session has moved on), and the
/// dialog card's submit carries the same name back.
/// </summary>
public static class SessionDialog
{
    /// <summary>"Bijdrage geven": any member gives, edits or withdraws their contributions to the current step.</summary>
    public const string Contribute = "sessionContribute";

    /// <summary>"Afspraak toevoegen": the facilitator records an agreement.</summary>
    public const string Agreement = "sessionAgreement";

    /// <summary>"Stemmen": a member spreads their votes over the current step's contributions while voting is open.</summary>
    public const string Vote = "sessionVote";

    /// <summary>"Samenvoegen": the facilitator merges two contributions of the current step that say the same.</summary>
    public const string Merge = "sessionMerge";

    /// <summary>"Sessie instellen": the setup in a few short steps.</summary>
    public const string Setup = "sessionSetup";
}
