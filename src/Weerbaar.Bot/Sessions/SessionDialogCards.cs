using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Language;
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
                ["text"] = $"{CardText.Literal(a.What)} – {CardText.Literal(a.OwnerRole)} – uiterlijk {DutchDates.Format(a.Due)}",
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
