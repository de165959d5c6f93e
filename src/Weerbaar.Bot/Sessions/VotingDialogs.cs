using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;
using OpenDialog = Weerbaar.Bot.Sessions.SessionDialogs.OpenDialog;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// "Stemmen" (any member, while the step's voting round is open) and "Samenvoegen" (the facilitator). They share the
/// checks, the one path to the engine and the closing lines of <see cref="SessionDialogs"/>: a dialog of another
/// conversation, a step that moved on, a closed round or the wrong member closes with one line; a double submit
/// counts once.
/// </summary>
public sealed class VotingDialogs(SessionDialogs dialogs, SessionDialogCards cards, SessionLimits limits) : IDialogHandler
{
    /// <summary>The <c>op</c> values of the voting and merge dialogs' buttons.</summary>
    public const string VoteOp = "vote";
    public const string PageOp = "page";
    public const string PickOp = "pick";

    public bool CanHandle(string dialog) => dialog is SessionDialog.Vote or SessionDialog.Merge;

    public async Task<DialogResult> FetchAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        var (open, refusal) = await dialogs.OpenAsync(turnContext, dialog, data, cancellationToken);
        return open is null ? refusal! : ShowForm(open);
    }

    public async Task<DialogResult> SubmitAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken)
    {
        var op = Text(data, "op");
        if (op == SessionDialogs.Close)
        {
            return DialogResult.Close();
        }

        var (open, refusal) = await dialogs.OpenAsync(turnContext, dialog, data, cancellationToken);
        if (open is null)
        {
            return refusal!;
        }

        return (dialog, op) switch
        {
            (_, SessionDialogs.Form) => ShowForm(open),
            (SessionDialog.Vote, PageOp or VoteOp) => await VoteAsync(turnContext, open, op, data, cancellationToken),
            (SessionDialog.Merge, PickOp) => PickKept(open, data),
            (SessionDialog.Merge, SessionDialogs.Add) => await MergeAsync(turnContext, open, data, cancellationToken),
            _ => DialogResult.Say(ConversationTexts.InvalidCardAction),
        };
    }

    private DialogResult ShowForm(OpenDialog open) =>
        open.Name == SessionDialog.Vote ? ShowVotes(open, draft: null, page: 0, string.Empty) : ShowMerge(open, kept: null, selected: null, string.Empty);

    private DialogResult ShowVotes(OpenDialog open, IReadOnlyDictionary<Guid, int>? draft, int page, string error) =>
        DialogResult.Show(
            SessionTexts.VoteDialogTitle,
            cards.VoteForm(open.Session.Id, open.Session.State, open.Actor, draft, page, limits.VotesPerParticipant, error, SessionCards.NewToken()),
            DialogSize.Large);

    /// <summary>
    /// A page change or the save of the voting dialog: the votes carried by the button (other pages) with the page's
    /// inputs over them. Votes that do not fit bring the same page back with the reason; a page change saves nothing.
    /// </summary>
    private async Task<DialogResult> VoteAsync(ITurnContext turnContext, OpenDialog open, string op, JObject data, CancellationToken cancellationToken)
    {
        var page = Count(data["page"]) ?? 0;
        if (ReadVotes(data) is not { } draft)
        {
            return ShowVotes(open, draft: null, page, SessionTexts.VoteNotANumber);
        }

        var given = draft.Values.Sum(v => (long)v);
        if (given > limits.VotesPerParticipant)
        {
            return ShowVotes(open, draft, page, SessionTexts.TooManyVotes((int)Math.Min(given, int.MaxValue), limits.VotesPerParticipant));
        }

        if (op == PageOp)
        {
            return ShowVotes(open, draft, page, string.Empty);
        }

        var command = new CastVotes(draft.Where(v => v.Value > 0).ToDictionary());
        var change = await dialogs.ApplyAsync(turnContext, open, VoteOp, command, Text(data, "card"), "-", cancellationToken);
        var decision = change.Decision;
        return decision.Accepted
            ? dialogs.Done(open, SessionTexts.VotesReceived, SessionTexts.Outcome(command, decision), SessionTexts.ChangeVotes)
            : decision.Refusal == SessionRefusal.TooManyVotes
                ? ShowVotes(open with { Session = change.Session }, draft, page, SessionTexts.Refusal(decision.Refusal))
                : SessionDialogs.Outcome(open, decision.Refusal);
    }

    // The votes as sent: the carried ones ("votes", by contribution) and the page's inputs ("vote_…") over them. Null
    // when a count is no whole number of zero or more. Ids that are no contribution of the step are the engine's to refuse.
    private static Dictionary<Guid, int>? ReadVotes(JObject data)
    {
        var votes = new Dictionary<Guid, int>();
        if (data["votes"] is JObject carried)
        {
            foreach (var (key, value) in carried)
            {
                if (!Guid.TryParseExact(key, "N", out var id) || Count(value) is not int count)
                {
                    return null;
                }

                votes[id] = count;
            }
        }

        foreach (var (key, value) in data)
        {
            if (SessionDialogCards.VoteInputId(key) is Guid id)
            {
                if (Count(value) is not int count)
                {
                    return null;
                }

                votes[id] = count;
            }
        }

        return votes;
    }

    // Input.Number sends its value as a number or, from some clients, as text; an empty input is no vote.
    private static int? Count(JToken? value)
    {
        var text = value?.Type == JTokenType.String ? value.Value<string>()?.Trim() : value?.ToString(Newtonsoft.Json.Formatting.None);
        return string.IsNullOrEmpty(text) || text == "null" ? 0
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
            : null;
    }

    private DialogResult ShowMerge(OpenDialog open, Contribution? kept, string? selected, string error) =>
        DialogResult.Show(SessionTexts.MergeDialogTitle, cards.MergeForm(open.Session.Id, open.Session.State, kept, selected, error, SessionCards.NewToken()), DialogSize.Large);

    // The first step of "Samenvoegen": the contribution that stays, one of the current step's.
    private static Contribution? CurrentContribution(OpenDialog open, string? id) =>
        Guid.TryParse(id, out var guid) && open.Session.State.CurrentStepContributions().FirstOrDefault(c => c.Id == guid) is { } found ? found : null;

    private DialogResult PickKept(OpenDialog open, JObject data) =>
        CurrentContribution(open, Text(data, SessionDialogCards.KeptInput)) is { } kept
            ? ShowMerge(open, kept, selected: null, string.Empty)
            : ShowMerge(open, kept: null, selected: null, SessionTexts.Refusal(SessionRefusal.NoSuchContribution));

    private async Task<DialogResult> MergeAsync(ITurnContext turnContext, OpenDialog open, JObject data, CancellationToken cancellationToken)
    {
        // Unknown or stale ids are the engine's to refuse; only what cannot be an id at all is caught here.
        if (!Guid.TryParse(Text(data, "kept"), out var kept) || !Guid.TryParse(Text(data, SessionDialogCards.MergedInput), out var merged))
        {
            return ShowMerge(open, kept: null, selected: null, SessionTexts.MergeChooseTwo);
        }

        if (kept == merged)
        {
            return ShowMerge(open, CurrentContribution(open, kept.ToString()), selected: null, SessionTexts.MergeChooseTwo);
        }

        var command = new MergeContributions(kept, merged);
        var change = await dialogs.ApplyAsync(turnContext, open, SessionDialogs.Add, command, Text(data, "card"), $"{kept:N}-{merged:N}", cancellationToken);
        return change.Decision.Accepted
            ? dialogs.Done(open, SessionTexts.MergeReceived, SessionTexts.Outcome(command, change.Decision), SessionTexts.AnotherMerge)
            : SessionDialogs.Outcome(open, change.Decision.Refusal);
    }
}
