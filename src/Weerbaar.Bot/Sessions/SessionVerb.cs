namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The <c>verb</c> values of the gesprekstool cards' Action.Execute buttons. What each one asks for is in
/// <see cref="SessionCommandTable"/>.
/// </summary>
public static class SessionVerb
{
    public const string Start = "sessionStart";
    public const string View = "sessionView";
    public const string Next = "sessionNext";
    public const string Previous = "sessionPrevious";
    public const string Pause = "sessionPause";
    public const string Resume = "sessionResume";
    public const string Extend = "sessionExtend";
    public const string Reveal = "sessionReveal";
    public const string OpenVoting = "sessionOpenVoting";
    public const string CloseVoting = "sessionCloseVoting";
    public const string Contribute = "sessionContribute";
    public const string Withdraw = "sessionWithdraw";
    public const string Edit = "sessionEdit";
    public const string ShowAll = "sessionShowAll";
    public const string Ready = "sessionReady";
    public const string Tag = "sessionTag";
    public const string Agreement = "sessionAgreement";
    public const string Complete = "sessionComplete";

    /// <summary>"Opslaan" under "Vorige keer afgesproken": which of the last session's agreements are done.</summary>
    public const string PreviousDone = "sessionPreviousDone";

    /// <summary>
    /// Asks to end the session: answered with a confirmation card, never carried out at once. Cards sent before
    /// ending needed a confirmation had their one-click "Sessie beëindigen" on this verb.
    /// </summary>
    public const string AskToEnd = "sessionCancel";

    /// <summary>The confirmed "Ja, beëindigen".</summary>
    public const string End = "sessionEnd";

    /// <summary>"Nee, doorgaan" on a confirmation: the member's own view again.</summary>
    public const string Continue = "sessionContinue";

    public const string TakeOver = "sessionTakeOver";
    public const string Reminder = "sessionReminder";

    public static bool IsSessionVerb(string verb) => verb.StartsWith("session", StringComparison.Ordinal);
}
