using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The cards shown inside the gesprekstool's dialogs. Their buttons are <c>Action.Submit</c> (what a dialog card
/// sends back as <c>task/submit</c>) whose data carries the dialog name, the session, the step the dialog was opened
/// for, what to do (<c>op</c>) and the card's token, so a double submit is carried out once.
/// </summary>
public sealed class SessionDialogCards(CardTemplates templates, ContributorPseudonyms pseudonyms, TimeProvider timeProvider)
{
    public const string QuestionInput = "contributionQuestion";
    public const string TextInput = "contributionText";
    public const string WhatInput = "agreementWhat";
    public const string OwnerInput = "agreementOwner";
    public const string DueInput = "agreementDue";
    public const string KeptInput = "mergeKept";
    public const string MergedInput = "mergeMerged";

    /// <summary>At most this many contributions on one page of the voting dialog.</summary>
    public const int VotesPerPage = 20;

    /// <summary>
    /// At most this many bytes (UTF-8) of contribution text on one page of the voting dialog: with the inputs, the
    /// escaping and the rest of the response a page stays within the 21 KB budget (Teams allows 28 KB for a card), also
    /// when every contribution has its maximum length (about 20 KB measured for 1000 characters with accents and quotes).
    /// </summary>
    public const int VotePageTextBytes = 10_000;

    /// <summary>How much of a contribution a choice in the merge dialog shows: 100 of them in two lists must fit one card.</summary>
    public const int MergeChoiceLength = 40;

    private const string VotePrefix = "vote_";

    /// <summary>The input that holds the votes for contribution <paramref name="id"/> in the voting dialog.</summary>
    public static string VoteInput(Guid id) => VotePrefix + id.ToString("N");

    /// <summary>The contribution a voting input is for, or null when <paramref name="inputId"/> is no voting input.</summary>
    public static Guid? VoteInputId(string inputId) =>
        inputId.StartsWith(VotePrefix, StringComparison.Ordinal) && Guid.TryParseExact(inputId[VotePrefix.Length..], "N", out var id) ? id : null;

    /// <summary>
    /// The voting dialog's pages: up to <see cref="VotesPerPage"/> contributions, fewer when their texts are long, so
    /// every page fits Teams' card size whatever was written.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Contribution>> VotePages(IReadOnlyList<Contribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        var pages = new List<IReadOnlyList<Contribution>>();
        var page = new List<Contribution>();
        var bytes = 0;
        foreach (var contribution in contributions)
        {
            var size = System.Text.Encoding.UTF8.GetByteCount(contribution.Text);
            if (page.Count > 0 && (page.Count == VotesPerPage || bytes + size > VotePageTextBytes))
            {
                pages.Add(page);
                page = [];
                bytes = 0;
            }

            page.Add(contribution);
            bytes += size;
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>
    /// "Stemmen": one page of the current step's contributions, each with a number input, and how many votes are
    /// left. <paramref name="draft"/> holds the votes as they stand in the dialog (null: the member's saved votes);
    /// every button carries the votes of the other pages along, so paging loses nothing and the save sends them all.
    /// </summary>
    public Attachment VoteForm(Guid sessionId, SessionState state, string viewerKey, IReadOnlyDictionary<Guid, int>? draft, int page, int votesPerParticipant, string error, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stepId = state.CurrentStepId;
        draft ??= state.VotesOf(stepId, pseudonyms.AuthorKey(state, viewerKey));
        var pages = VotePages(state.CurrentStepContributions());
        page = Math.Clamp(page, 0, pages.Count - 1);
        var shown = pages[page];
        var given = draft.Values.Sum();
        var stepLabel = $"Stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}";

        // The buttons carry the votes of the pages not shown: the inputs on the page bring their own values.
        var onPage = shown.Select(c => c.Id).ToHashSet();
        var carried = new JsonObject();
        foreach (var (id, count) in draft.Where(v => v.Value > 0 && !onPage.Contains(v.Key)))
        {
            carried[id.ToString("N")] = count;
        }

        JsonObject VoteButton(string op, int target) =>
            new() { ["dialog"] = SessionDialog.Vote, ["sessionId"] = sessionId.ToString(), ["step"] = stepId, ["op"] = op, ["page"] = target, ["votes"] = carried.DeepClone(), ["card"] = token };

        var data = new JsonObject
        {
            ["fallback"] = $"{SessionTexts.VoteDialogTitle}: {stepLabel.ToLowerInvariant()}.",
            ["title"] = SessionTexts.VoteDialogTitle,
            ["stepLabel"] = stepLabel,
            ["timeLeft"] = SessionTexts.TimeLeft(state, timeProvider.GetUtcNow()),
            ["how"] = SessionTexts.VoteHow(votesPerParticipant),
            ["privacy"] = state.Settings.Anonymous ? SessionTexts.VoteDialogAnonymous : SessionTexts.VoteDialogNotAnonymous,
            ["votesLeft"] = SessionTexts.VotesLeft(Math.Max(0, votesPerParticipant - given), votesPerParticipant),
            ["error"] = error,
            ["pageLabel"] = pages.Count > 1 ? SessionTexts.Page(page + 1, pages.Count) : string.Empty,
            ["items"] = new JsonArray([.. shown.Select(c => (JsonNode)new JsonObject
            {
                ["text"] = CardText.Literal(c.Text),
                ["inputId"] = VoteInput(c.Id),
                ["max"] = votesPerParticipant,
                ["count"] = draft.GetValueOrDefault(c.Id),
            })]),
            ["save"] = VoteButton(VotingDialogs.VoteOp, page),
            ["hasPrevious"] = page > 0,
            ["previous"] = VoteButton(VotingDialogs.PageOp, page - 1),
            ["hasNext"] = page < pages.Count - 1,
            ["next"] = VoteButton(VotingDialogs.PageOp, page + 1),
        };
        return CardAttachment.From(templates.Render(CardName.DialogVote, data));
    }

    /// <summary>
    /// "Samenvoegen" in two short steps, each with one picker of the current step's contributions (two pickers of a
    /// hundred would not fit one card): first the one that stays, then, with <paramref name="kept"/> chosen, the one
    /// merged into it.
    /// </summary>
    public Attachment MergeForm(Guid sessionId, SessionState state, Contribution? kept, string? selected, string error, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        var choices = state.CurrentStepContributions().Select((c, i) => (Contribution: c, Number: i + 1)).Where(c => c.Contribution.Id != kept?.Id).ToList();
        var stepId = state.CurrentStepId;
        var merge = Button(SessionDialog.Merge, sessionId, stepId, SessionDialogs.Add, token);
        merge["kept"] = kept?.Id.ToString("N") ?? string.Empty;
        var data = new JsonObject
        {
            ["fallback"] = $"{SessionTexts.MergeDialogTitle}: stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}.",
            ["hasKept"] = kept is not null,
            ["keptText"] = kept is null ? string.Empty : CardText.Literal(kept.Text),
            ["selected"] = selected ?? (choices.Count > 0 ? choices[0].Contribution.Id.ToString("N") : string.Empty),
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Contribution.Id.ToString("N"),
                ["title"] = $"{c.Number}. {Shortened(c.Contribution.Text)}",
            })]),
            ["error"] = error,
            ["pick"] = Button(SessionDialog.Merge, sessionId, stepId, VotingDialogs.PickOp, token),
            ["merge"] = merge,
        };
        return CardAttachment.From(templates.Render(CardName.DialogMerge, data));
    }

    private static string Shortened(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= MergeChoiceLength)
        {
            return line;
        }

        // Never cut between the two halves of an emoji.
        var cut = char.IsHighSurrogate(line[MergeChoiceLength - 1]) ? MergeChoiceLength - 1 : MergeChoiceLength;
        return line[..cut].TrimEnd() + "…";
    }

    /// <summary>The input that holds one's own contribution <paramref name="id"/> for editing.</summary>
    public static string EditInput(Guid id) => "edit_" + id.ToString("N");

    /// <summary>
    /// "Bijdrage geven": the current step's questions in one picker with one text box, and below them the viewer's own
    /// contributions to this step to edit or withdraw. <paramref name="typed"/> (the submitted data) keeps what was
    /// typed when the form comes back with <paramref name="errors"/> (by input id) under the fields.
    /// </summary>
    public Attachment ContributeForm(Guid sessionId, SessionState state, Scenario scenario, string viewerKey, JObject? typed, IReadOnlyDictionary<string, string> errors, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(errors);
        var stepId = state.CurrentStepId;
        var step = scenario.Step(stepId);
        var questions = step?.Questions ?? [];
        string QuestionText(string id) => questions.FirstOrDefault(q => q.Id == id)?.TextFor(state.Settings.Kind) ?? string.Empty;

        // In an anonymous session one's own are stored under a pseudonym; a session stored before that, under the Teams id.
        var authorKey = pseudonyms.AuthorKey(state, viewerKey);
        var own = state.CurrentStepContributions().Where(c => c.AuthorKey == authorKey || c.AuthorKey == viewerKey).Take(SessionCards.ListedContributions);
        var stepLabel = $"Stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}";
        var data = new JsonObject
        {
            ["fallback"] = $"{SessionTexts.ContributeDialogTitle}: {stepLabel.ToLowerInvariant()}.",
            ["title"] = step?.Title ?? string.Empty,
            ["stepLabel"] = stepLabel,
            ["timeLeft"] = SessionTexts.TimeLeft(state, timeProvider.GetUtcNow()),
            ["anonymousNote"] = state.Settings.Anonymous ? SessionTexts.DialogAnonymous : string.Empty,
            ["question"] = Text(typed, QuestionInput) ?? (questions.Count > 0 ? questions[0].Id : string.Empty),
            ["questions"] = new JsonArray([.. questions.Select(q => (JsonNode)new JsonObject { ["id"] = q.Id, ["text"] = q.TextFor(state.Settings.Kind) })]),
            ["questionError"] = errors.GetValueOrDefault(QuestionInput, string.Empty),
            ["text"] = Text(typed, TextInput) ?? string.Empty,
            ["textError"] = errors.GetValueOrDefault(TextInput, string.Empty),
            ["maxLength"] = SessionEngine.MaxContributionLength,
            ["send"] = Button(SessionDialog.Contribute, sessionId, stepId, SessionDialogs.Add, token),
            ["hasOwn"] = own.Any(),
            ["own"] = new JsonArray([.. own.Select(c => (JsonNode)new JsonObject
            {
                ["inputId"] = EditInput(c.Id),
                ["label"] = QuestionText(c.QuestionId) is { Length: > 0 } question ? $"Bij: {question}" : "Uw bijdrage",
                ["text"] = Text(typed, EditInput(c.Id)) ?? c.Text,
                ["error"] = errors.GetValueOrDefault(EditInput(c.Id), string.Empty),
                ["save"] = Button(SessionDialog.Contribute, sessionId, stepId, SessionDialogs.Edit, token, c.Id),
                ["withdraw"] = Button(SessionDialog.Contribute, sessionId, stepId, SessionDialogs.Withdraw, token, c.Id),
            })]),
        };
        return CardAttachment.From(templates.Render(CardName.DialogContribute, data));
    }

    /// <summary>"Afspraak toevoegen": what, who (a role) and by when, with the agreements made so far below.</summary>
    public Attachment AgreementForm(Guid sessionId, SessionState state, JObject? typed, IReadOnlyDictionary<string, string> errors, string token)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        var data = new JsonObject
        {
            ["fallback"] = $"{SessionTexts.AgreementDialogTitle}: {state.Settings.OrganisationName}.",
            ["what"] = Text(typed, WhatInput) ?? string.Empty,
            ["whatError"] = errors.GetValueOrDefault(WhatInput, string.Empty),
            ["whatMaxLength"] = SessionEngine.MaxAgreementLength,
            ["owner"] = Text(typed, OwnerInput) ?? string.Empty,
            ["ownerError"] = errors.GetValueOrDefault(OwnerInput, string.Empty),
            ["ownerMaxLength"] = SessionEngine.MaxOwnerRoleLength,
            ["today"] = SessionClock.Today(timeProvider.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["due"] = Text(typed, DueInput) ?? string.Empty,
            ["dueError"] = errors.GetValueOrDefault(DueInput, string.Empty),
            ["add"] = Button(SessionDialog.Agreement, sessionId, state.CurrentStepId, SessionDialogs.Add, token),
            ["hasAgreements"] = state.Agreements.Count > 0,
            ["agreements"] = new JsonArray([.. state.Agreements.Select(a => (JsonNode)new JsonObject
            {
                ["text"] = AgreementLine.ForCard(a),
            })]),
        };
        return CardAttachment.From(templates.Render(CardName.DialogAgreement, data));
    }

    /// <summary>
    /// The short answer after a dialog did what was asked: <paramref name="message"/>, "nog een" (the form again) and
    /// "Sluiten". It holds no token, so the answer to a repeated submit is the very same card.
    /// </summary>
    public Attachment Done(string dialog, Guid sessionId, string stepId, string heading, string message, string againTitle)
    {
        var data = new JsonObject
        {
            ["heading"] = heading,
            ["message"] = message,
            ["againTitle"] = againTitle,
            ["again"] = new JsonObject { ["dialog"] = dialog, ["sessionId"] = sessionId.ToString(), ["step"] = stepId, ["op"] = SessionDialogs.Form },
            ["close"] = new JsonObject { ["dialog"] = dialog, ["op"] = SessionDialogs.Close },
        };
        return CardAttachment.From(templates.Render(CardName.DialogDone, data));
    }

    private static JsonObject Button(string dialog, Guid sessionId, string stepId, string op, string token, Guid? contribution = null)
    {
        var data = new JsonObject { ["dialog"] = dialog, ["sessionId"] = sessionId.ToString(), ["step"] = stepId, ["op"] = op, ["card"] = token };
        if (contribution is Guid id)
        {
            data["contribution"] = id.ToString();
        }

        return data;
    }
}
