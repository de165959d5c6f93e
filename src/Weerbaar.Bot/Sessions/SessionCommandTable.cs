using System.Globalization;
using Newtonsoft.Json.Linq;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>Everything a member can ask of the gesprekstool, with a card button or by typing.</summary>
public enum SessionAction
{
    OpenSetup,
    Start,
    View,
    Status,
    Report,
    ShowAll,
    Reminder,
    Next,
    Previous,
    Pause,
    Resume,
    Extend,
    Reveal,
    OpenVoting,
    CloseVoting,
    Contribute,
    Withdraw,
    Edit,
    Ready,
    Tag,
    Agreement,
    PreviousDone,
    Complete,
    AskToEnd,
    End,
    Continue,
    TakeOver,
    HandOver,
}

/// <summary>An action as recognised: from a card button (<see cref="Typed"/> false) or typed text with its argument.</summary>
public sealed record SessionRoute(SessionAction Action, bool Typed, string Argument)
{
    /// <summary>How the action shows in logs: the card verb where there is one.</summary>
    public string LogName => SessionCommandTable.VerbOf(Action) ?? Action.ToString();
}

/// <summary>
/// What a command is made from besides the action: the card's data (its inputs merged in), or the typed argument with
/// what the conversation adds — the member @-mentioned and the question of the current step a typed contribution
/// answers. <see cref="FacilitatorHasLeft"/> comes from the roster, asked only for a take-over.
/// </summary>
public sealed record SessionCommandInput(JObject? Data, string Argument = "", string? MentionedMember = null, string? CurrentQuestionId = null, bool FacilitatorHasLeft = false);

/// <summary>
/// The one table of session actions: which card verb and which typed words ask for each, and the engine command it
/// becomes. Typed forms are for clients without card refresh and for people who prefer typing: "start sessie",
/// "volgende", "vorige", "status", "stop", "verslag", "overnemen", "overdragen @naam", "bijdrage: …". Actions without a
/// command (the setup card, a view, the status, reports, reminders, the question whether to end) are carried out by
/// the coordinator itself. Ending is the one action that always takes two: "stop" or an old one-click button only
/// asks, and the confirmation card's <see cref="SessionVerb.End"/> ends.
/// </summary>
public static class SessionCommandTable
{
    private sealed record Row(
        SessionAction Action,
        string? Verb = null,
        string[]? Words = null,
        string? Prefix = null,
        Func<SessionCommandInput, SessionCommand?>? FromCard = null,
        Func<SessionCommandInput, SessionCommand?>? FromTyped = null);

    private static readonly Row[] Rows =
    [
        new(SessionAction.OpenSetup, Words: ["start sessie", "start gesprekstool", "sessie starten"]),
        new(SessionAction.Start, SessionVerb.Start),
        new(SessionAction.View, SessionVerb.View),
        new(SessionAction.Status, Words: ["status"]),
        new(SessionAction.Report, Words: ["verslag"]),
        new(SessionAction.ShowAll, SessionVerb.ShowAll),
        new(SessionAction.Reminder, SessionVerb.Reminder),
        new(SessionAction.Next, SessionVerb.Next, ["volgende"], FromCard: _ => new NextStep(), FromTyped: _ => new NextStep()),
        new(SessionAction.Previous, SessionVerb.Previous, ["vorige"], FromCard: _ => new PreviousStep(), FromTyped: _ => new PreviousStep()),
        new(SessionAction.Pause, SessionVerb.Pause, FromCard: _ => new PauseSession()),
        new(SessionAction.Resume, SessionVerb.Resume, FromCard: _ => new ResumeSession()),
        new(SessionAction.Extend, SessionVerb.Extend, FromCard: _ => new ExtendStep(5)),
        new(SessionAction.Reveal, SessionVerb.Reveal, FromCard: _ => new RevealContributions()),
        new(SessionAction.OpenVoting, SessionVerb.OpenVoting, FromCard: _ => new OpenVoting()),
        new(SessionAction.CloseVoting, SessionVerb.CloseVoting, FromCard: _ => new CloseVoting()),
        new(SessionAction.Ready, SessionVerb.Ready, FromCard: _ => new MarkReady()),
        new(SessionAction.Complete, SessionVerb.Complete, FromCard: _ => new Complete()),
        new(SessionAction.AskToEnd, SessionVerb.AskToEnd, ["stop"]),
        new(SessionAction.End, SessionVerb.End, FromCard: _ => new EndSession()),
        new(SessionAction.Continue, SessionVerb.Continue),
        new(
            SessionAction.TakeOver,
            SessionVerb.TakeOver,
            ["overnemen"],
            FromCard: input => new TakeOver(input.FacilitatorHasLeft),
            FromTyped: input => new TakeOver(input.FacilitatorHasLeft)),
        new(SessionAction.HandOver, Prefix: "overdragen", FromTyped: input => input.MentionedMember is string target ? new HandOver(target) : null),
        new(
            SessionAction.Contribute,
            SessionVerb.Contribute,
            Prefix: "bijdrage:",
            FromCard: input => Text(input.Data, "question") is string question ? new Contribute(question, Text(input.Data, "answer_" + question) ?? string.Empty) : null,
            FromTyped: input => input.CurrentQuestionId is string question && input.Argument.Length > 0 ? new Contribute(question, input.Argument) : null),
        new(SessionAction.Withdraw, SessionVerb.Withdraw, FromCard: input => ContributionId(input) is Guid id ? new WithdrawContribution(id) : null),
        new(SessionAction.Edit, SessionVerb.Edit, FromCard: input =>
            ContributionId(input) is Guid id ? new EditContribution(id, Text(input.Data, "edit_" + id.ToString("N")) ?? string.Empty) : null),
        new(SessionAction.Tag, SessionVerb.Tag, FromCard: input =>
            ContributionId(input) is Guid id && Enum.TryParse<ContributionTag>(Text(input.Data, "tag"), out var tag) ? new TagContribution(id, tag) : null),
        new(SessionAction.Agreement, SessionVerb.Agreement, FromCard: input =>
            DateOnly.TryParseExact(Text(input.Data, "agreementDue"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                ? new AddAgreement(Text(input.Data, "agreementWhat") ?? string.Empty, Text(input.Data, "agreementOwner") ?? string.Empty, due)
                : null),
        new(SessionAction.PreviousDone, SessionVerb.PreviousDone, FromCard: input => new MarkPreviousAgreements(TickedAgreements(input.Data))),
    ];

    /// <summary>The action behind a card button's verb, or null when no session card sends it.</summary>
    public static SessionRoute? FromVerb(string verb) =>
        Rows.FirstOrDefault(r => r.Verb == verb) is { } row ? new SessionRoute(row.Action, Typed: false, string.Empty) : null;

    /// <summary>The action a typed text asks for, or null when the text is no session command (then it is a question).</summary>
    public static SessionRoute? FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.', '!');
        if (Rows.FirstOrDefault(r => r.Words?.Contains(trimmed, StringComparer.OrdinalIgnoreCase) == true) is { } word)
        {
            return new SessionRoute(word.Action, Typed: true, string.Empty);
        }

        return Rows.FirstOrDefault(r => r.Prefix is string prefix && trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { Prefix: string found } prefixed
            ? new SessionRoute(prefixed.Action, Typed: true, trimmed[found.Length..].Trim())
            : null;
    }

    /// <summary>The engine command for <paramref name="route"/>, or null when the action has none or its input does not fit.</summary>
    public static SessionCommand? Command(SessionRoute route, SessionCommandInput input)
    {
        ArgumentNullException.ThrowIfNull(route);
        var row = Rows.First(r => r.Action == route.Action);
        return (route.Typed ? row.FromTyped : row.FromCard)?.Invoke(input);
    }

    /// <summary>The card verb of <paramref name="action"/>, or null when it is typed only.</summary>
    public static string? VerbOf(SessionAction action) => Rows.First(r => r.Action == action).Verb;

    /// <summary>The prefix of the toggles under "Vorige keer afgesproken", followed by the agreement's id.</summary>
    public const string DoneInputPrefix = "done_";

    // An unticked box sends "false" (or nothing): only ticked ones are done. An id that is no agreement of the session
    // is passed on, so the engine refuses it instead of it being dropped silently.
    private static Guid[] TickedAgreements(JObject? data) =>
        [.. (data?.Properties() ?? [])
            .Where(p => p.Name.StartsWith(DoneInputPrefix, StringComparison.Ordinal) && string.Equals(Text(data, p.Name), "true", StringComparison.OrdinalIgnoreCase))
            .Select(p => Guid.TryParseExact(p.Name[DoneInputPrefix.Length..], "N", out var id) ? id : Guid.Empty)];

    private static Guid? ContributionId(SessionCommandInput input) =>
        Guid.TryParse(Text(input.Data, "contribution"), out var id) ? id : null;
}
