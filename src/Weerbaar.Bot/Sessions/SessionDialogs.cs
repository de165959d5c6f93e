using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The gesprekstool's input dialogs: "Bijdrage geven" and "Stemmen" (any member), "Afspraak toevoegen" and
/// "Samenvoegen" (the facilitator). A
/// dialog needs no card refresh, so it works in chats of any size. What a dialog asks goes the same way as a card
/// button (<see cref="SessionActions"/>): decided by the engine, applied once per card token, shown to the group.
/// Input that does not fit brings the form back with the reason under the field; a dialog that no longer fits its
/// session (another conversation, the step moved on, the session ended, not the facilitator) closes with one line.
/// </summary>
public sealed class SessionDialogs(
    SessionStore store,
    SessionActions actions,
    SessionDialogCards cards,
    KnowledgeSearch search,
    TimeProvider timeProvider,
    ILogger<SessionDialogs> logger) : IDialogHandler
{
    /// <summary>The <c>op</c> values of the dialog cards' buttons.</summary>
    public const string Add = "add";
    public const string Edit = "edit";
    public const string Withdraw = "withdraw";
    public const string Form = "form";
    public const string Close = "close";

    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    internal sealed record OpenDialog(string Name, StoredSession Session, Scenario Scenario, string Actor, string StepId);

    public bool CanHandle(string dialog) => dialog is SessionDialog.Contribute or SessionDialog.Agreement;

    public async Task<DialogResult> FetchAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        var (open, refusal) = await OpenAsync(turnContext, dialog, data, cancellationToken);
        return open is null ? refusal! : ShowForm(open, typed: null, NoErrors);
    }

    public async Task<DialogResult> SubmitAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        var op = Text(data, "op");
        if (op == Close)
        {
            return DialogResult.Close();
        }

        var (open, refusal) = await OpenAsync(turnContext, dialog, data, cancellationToken);
        if (open is null)
        {
            return refusal!;
        }

        return (dialog, op) switch
        {
            (_, Form) => ShowForm(open, typed: null, NoErrors),
            (SessionDialog.Contribute, Add or Edit or Withdraw) => await ContributeAsync(turnContext, open, op, data, cancellationToken),
            (SessionDialog.Agreement, Add) => await AgreeAsync(turnContext, open, data, cancellationToken),
            _ => Refused(dialog, "UnknownOperation", ConversationTexts.InvalidCardAction),
        };
    }

    // Whether the dialog still fits: a session of this conversation that is open, at the step the dialog was opened
    // for, and for the agreements the facilitator. Checked at every submit too, since a dialog stays open while the
    // session moves on, and its data can be sent without the card.
    internal async Task<(OpenDialog? Open, DialogResult? Refusal)> OpenAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        if (search.Knowledge.Set.Scenario is not Scenario scenario)
        {
            return (null, DialogResult.Say(SessionTexts.NoScenario));
        }

        var activity = turnContext.Activity;
        if (!Guid.TryParse(Text(data, "sessionId"), out var sessionId)
            || await store.FindInConversationAsync(sessionId, activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            return (null, Refused(dialog, "NotInConversation", SessionTexts.SessionGone));
        }

        var state = session.State;
        var actor = SessionCoordinator.ActorKey(activity);
        if (!state.IsOpen)
        {
            return (null, Refused(dialog, "SessionClosed", SessionTexts.Refusal(SessionRefusal.SessionClosed)));
        }

        if (dialog is SessionDialog.Agreement or SessionDialog.Merge && !state.IsFacilitator(actor))
        {
            return (null, Refused(dialog, "NotFacilitator", SessionTexts.Refusal(SessionRefusal.NotFacilitator)));
        }

        if (Text(data, "step") is not string stepId || stepId != state.CurrentStepId)
        {
            return (null, Refused(dialog, "StepOver", SessionTexts.DialogStepOver));
        }

        if (dialog == SessionDialog.Contribute && scenario.Step(stepId)?.Questions is not { Count: > 0 })
        {
            return (null, Refused(dialog, "NoQuestions", SessionTexts.DialogNoQuestions));
        }

        if (dialog == SessionDialog.Vote && !state.IsVotingOpen())
        {
            return (null, Refused(dialog, "VotingNotOpen", SessionTexts.VotingNotOpenDialog));
        }

        if (dialog == SessionDialog.Merge && state.CurrentStepContributions().Count < 2)
        {
            return (null, Refused(dialog, "NothingToMerge", SessionTexts.MergeNeedsTwo));
        }

        return (new OpenDialog(dialog, session, scenario, actor, stepId), null);
    }

    private DialogResult ShowForm(OpenDialog open, JObject? typed, IReadOnlyDictionary<string, string> errors) =>
        open.Name == SessionDialog.Agreement
            ? DialogResult.Show(SessionTexts.AgreementDialogTitle, cards.AgreementForm(open.Session.Id, open.Session.State, typed, errors, SessionCards.NewToken()))
            : DialogResult.Show(SessionTexts.ContributeDialogTitle, cards.ContributeForm(open.Session.Id, open.Session.State, open.Scenario, open.Actor, typed, errors, SessionCards.NewToken()), DialogSize.Large);

    private async Task<DialogResult> ContributeAsync(ITurnContext turnContext, OpenDialog open, string op, JObject data, CancellationToken cancellationToken)
    {
        Guid? contribution = Guid.TryParse(Text(data, "contribution"), out var id) ? id : null;
        SessionCommand? command = (op, contribution) switch
        {
            (Add, _) => new Contribute(Text(data, SessionDialogCards.QuestionInput) ?? string.Empty, Text(data, SessionDialogCards.TextInput) ?? string.Empty),
            (Edit, Guid edited) => new EditContribution(edited, Text(data, SessionDialogCards.EditInput(edited)) ?? string.Empty),
            (Withdraw, Guid withdrawn) => new WithdrawContribution(withdrawn),
            _ => null,
        };
        if (command is null)
        {
            return Refused(open.Name, "NoContribution", SessionTexts.Refusal(SessionRefusal.NoSuchContribution));
        }

        var change = await ApplyAsync(turnContext, open, op, command, Text(data, "card"), contribution?.ToString() ?? "-", cancellationToken);
        var decision = change.Decision;
        if (decision.Accepted)
        {
            return Done(open, SessionTexts.ContributionReceived, SessionTexts.Outcome(command, decision), SessionTexts.AnotherContribution);
        }

        var field = contribution is Guid own ? SessionDialogCards.EditInput(own) : SessionDialogCards.TextInput;
        return decision.Refusal switch
        {
            SessionRefusal.NoSuchQuestion when op == Add => ShowForm(open with { Session = change.Session }, data, Error(SessionDialogCards.QuestionInput, SessionTexts.ChooseQuestion)),
            SessionRefusal.EmptyText or SessionRefusal.TextTooLong => ShowForm(open with { Session = change.Session }, data, Error(field, SessionTexts.Refusal(decision.Refusal))),
            _ => Outcome(open, decision.Refusal),
        };
    }

    private async Task<DialogResult> AgreeAsync(ITurnContext turnContext, OpenDialog open, JObject data, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var what = Text(data, SessionDialogCards.WhatInput)?.Trim() ?? string.Empty;
        var owner = Text(data, SessionDialogCards.OwnerInput)?.Trim() ?? string.Empty;
        CheckLength(errors, SessionDialogCards.WhatInput, what, SessionEngine.MaxAgreementLength, SessionTexts.AgreementWhatMissing);
        CheckLength(errors, SessionDialogCards.OwnerInput, owner, SessionEngine.MaxOwnerRoleLength, SessionTexts.AgreementOwnerMissing);

        // Input.Date sends yyyy-MM-dd; "not in the past" is Dutch today, which is never before the engine's UTC today.
        var due = default(DateOnly);
        if (!DateOnly.TryParseExact(Text(data, SessionDialogCards.DueInput)?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due))
        {
            errors[SessionDialogCards.DueInput] = SessionTexts.AgreementDueMissing;
        }
        else if (due < SessionClock.Today(timeProvider.GetUtcNow()))
        {
            errors[SessionDialogCards.DueInput] = SessionTexts.AgreementDuePast;
        }

        if (errors.Count > 0)
        {
            return ShowForm(open, data, errors);
        }

        var command = new AddAgreement(what, owner, due);
        var change = await ApplyAsync(turnContext, open, Add, command, Text(data, "card"), "-", cancellationToken);
        return change.Decision.Accepted
            ? Done(open, SessionTexts.AgreementReceived, SessionTexts.Outcome(command, change.Decision), SessionTexts.AnotherAgreement)
            : Outcome(open, change.Decision.Refusal);
    }

    internal Task<SessionChange> ApplyAsync(ITurnContext turnContext, OpenDialog open, string op, SessionCommand command, string? cardToken, string subject, CancellationToken cancellationToken)
    {
        var action = $"{open.Name}/{op}";
        return actions.ApplyAsync(
            turnContext,
            new SessionRequest(open.Session.Id, command, open.Actor, open.StepId),
            open.Scenario,
            action,
            SessionActions.Stamp(open.Session.Id, open.Actor, action, cardToken, subject),
            cancellationToken);
    }

    internal DialogResult Done(OpenDialog open, string heading, string message, string againTitle) =>
        DialogResult.Show(
            open.Name switch
            {
                SessionDialog.Agreement => SessionTexts.AgreementDialogTitle,
                SessionDialog.Vote => SessionTexts.VoteDialogTitle,
                SessionDialog.Merge => SessionTexts.MergeDialogTitle,
                _ => SessionTexts.ContributeDialogTitle,
            },
            cards.Done(open.Name, open.Session.Id, open.StepId, heading, message, againTitle),
            DialogSize.Small);

    // A refusal the form cannot show at a field closes the dialog with its line; "the step is over" in the dialog's words.
    internal static DialogResult Outcome(OpenDialog open, SessionRefusal refusal) =>
        DialogResult.Say(refusal == SessionRefusal.StepOver ? SessionTexts.DialogStepOver : SessionTexts.Refusal(refusal));

    private DialogResult Refused(string dialog, string reason, string message)
    {
        Log.SessionDialogRefused(logger, dialog, reason);
        return DialogResult.Say(message);
    }

    private static void CheckLength(Dictionary<string, string> errors, string input, string value, int maxLength, string missing)
    {
        if (value.Length == 0)
        {
            errors[input] = missing;
        }
        else if (value.Length > maxLength)
        {
            errors[input] = SessionTexts.TooLong(maxLength);
        }
    }

    private static Dictionary<string, string> Error(string input, string message) => new() { [input] = message };
}
