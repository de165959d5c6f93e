using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Language;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Builds the gesprekstool cards from a session and the scenario. Every card carries a fresh card token in its
/// buttons' data: a double click sends the same token twice, which the session service carries out once.
/// </summary>
public sealed class SessionCards(CardTemplates templates, TimeProvider timeProvider, ContributorPseudonyms pseudonyms, KnowledgeSearch search)
{
    /// <summary>How many contributions a card lists before it summarises the rest (Teams' card size limit).</summary>
    public const int ListedContributions = 15;

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public Attachment Setup(Scenario scenario, string token)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var preparation = FoldedText.Of(scenario.Preparation);
        var data = new JsonObject
        {
            ["notice"] = scenario.Notice,
            ["preparation"] = preparation.Lead,
            ["preparationRest"] = preparation.Rest,
            ["allSteps"] = string.Join(',', scenario.Steps.Select(s => s.Id)),
            ["steps"] = new JsonArray([.. scenario.Steps.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["title"] = $"{s.Title} ({s.Minutes} min)" })]),
            ["token"] = token,
        };
        return CardAttachment.From(templates.Render(CardName.SessionSetup, data));
    }

    /// <summary>
    /// What the setup card becomes once pressed: a confirmation without buttons, so the facilitator steers from one
    /// card, the shared card in the chat (their own view of it).
    /// </summary>
    public Attachment Started(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = new JsonObject
        {
            ["fallback"] = $"De sessie van {state.Settings.OrganisationName} is gestart.",
            ["message"] = SessionTexts.Started,
            ["where"] = SessionTexts.StartedWhere,
        };
        return CardAttachment.From(templates.Render(CardName.SessionStarted, data));
    }

    public Attachment Shared(StoredSession session, Scenario scenario, IReadOnlyList<string> refreshUserIds)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(refreshUserIds);
        var state = session.State;
        var step = StepOf(state, scenario);
        var revealed = state.IsRevealed(state.CurrentStepId);
        var contributions = state.CurrentStepContributions();
        var situation = FoldedText.Of(step?.Situation);
        var video = VideoArticleId(step);

        var data = new JsonObject
        {
            ["fallback"] = $"Gesprekstool: {state.Settings.OrganisationName}. {StepLabel(state)}: {step?.Title}.",
            ["sessionId"] = session.Id.ToString(),
            ["refreshUserIds"] = new JsonArray([.. refreshUserIds.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["organisation"] = CardText.Literal(state.Settings.OrganisationName),
            ["stepLabel"] = StepLabel(state),
            ["title"] = step?.Title ?? string.Empty,
            ["situation"] = situation.Lead,
            ["situationRest"] = situation.Rest,
            ["hasVideo"] = video is not null,
            ["videoArticleId"] = video ?? string.Empty,
            ["hasQuestions"] = step?.Questions.Count > 0,
            ["canContribute"] = state.IsOpen && step?.Questions.Count > 0 && !AsksForAgreements(step),
            ["contributeDialog"] = DialogData(SessionDialog.Contribute, session.Id, state),
            ["questions"] = new JsonArray([.. (step?.Questions ?? []).Select(q => (JsonNode)new JsonObject { ["text"] = q.TextFor(state.Settings.Kind) })]),
            ["timing"] = Timing(state),
            ["revealed"] = revealed,
            ["contributions"] = new JsonArray([.. contributions.Take(ListedContributions).Select(c => (JsonNode)new JsonObject { ["text"] = CardText.Literal(c.Text) })]),
            ["more"] = contributions.Count > ListedContributions ? $"En nog {DutchCounts.Contributions(contributions.Count - ListedContributions)}; die staan in het verslag." : string.Empty,
            ["none"] = contributions.Count == 0 ? SessionTexts.NoContributionsYet : string.Empty,
            ["open"] = state.IsOpen,
        };
        SessionVotingCardData.AddToShared(data, session.Id, state);
        PreviousAgreementsCardData.AddToShared(data, state);
        var card = templates.Render(CardName.SessionShared, data);

        // A session that is over has nothing left to steer: without the refresh Teams no longer swaps the shared card
        // for a personal view, and everyone sees the final state. A property cannot be left out by the template itself.
        if (!state.IsOpen)
        {
            card.AsObject().Remove("refresh");
        }

        return CardAttachment.From(card);
    }

    /// <summary>
    /// The question whether to end, for typed "stop" and an old one-click button: only its "Ja, beëindigen" ends.
    /// </summary>
    /// <param name="cardVersion">The token "Ja, beëindigen" sends back, so a double click ends once.</param>
    public Attachment EndConfirmation(Guid sessionId, SessionState state, string cardVersion)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = new JsonObject
        {
            ["fallback"] = $"Sessie van {state.Settings.OrganisationName} beëindigen?",
            ["organisation"] = CardText.Literal(state.Settings.OrganisationName),
            ["consequence"] = SessionTexts.EndConsequence(state, completes: state.IsAtLastStep() && state.Agreements.Count > 0),
            ["confirm"] = new JsonObject { ["sessionId"] = sessionId.ToString(), ["card"] = cardVersion },
            ["keep"] = new JsonObject { ["sessionId"] = sessionId.ToString() },
        };
        return CardAttachment.From(templates.Render(CardName.SessionEnd, data));
    }

    /// <summary>
    /// The personal view: controls and counts for the facilitator, questions with inputs for a participant. The same
    /// state, viewer, message and <paramref name="cardVersion"/> always give the same card, which is how a repeated
    /// action gets its original answer.
    /// </summary>
    /// <param name="refused">Whether <paramref name="message"/> is a refusal (shown in the attention colour) rather than what was done.</param>
    /// <param name="cardVersion">The token the card's buttons send back (<see cref="NewToken"/>).</param>
    public Attachment View(Guid sessionId, SessionState state, Scenario scenario, string viewerKey, string message, bool refused, string cardVersion)
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = StepOf(state, scenario);
        var card = cardVersion;
        var stepId = state.CurrentStepId;
        var isFacilitator = state.IsFacilitator(viewerKey);
        var open = state.IsOpen;
        var contributions = state.CurrentStepContributions();

        // In an anonymous session one's own are stored under a pseudonym; a session stored before that, under the Teams id.
        var authorKey = pseudonyms.AuthorKey(state, viewerKey);
        bool IsOwn(Contribution c) => c.AuthorKey == authorKey || c.AuthorKey == viewerKey;
        JsonObject Action(params (string Key, string Value)[] extra)
        {
            var action = new JsonObject { ["sessionId"] = sessionId.ToString(), ["step"] = stepId, ["card"] = card };
            foreach (var (key, value) in extra)
            {
                action[key] = value;
            }

            return action;
        }

        var isLast = state.IsAtLastStep();
        var situation = FoldedText.Of(step?.Situation);
        var video = VideoArticleId(step);

        // The agreements step asks for agreements once, on the facilitator's form: its questions guide the talk.
        var asksForAgreements = AsksForAgreements(step);
        var data = new JsonObject
        {
            ["fallback"] = $"Gesprekstool: {state.Settings.OrganisationName}, {StepLabel(state).ToLowerInvariant()}.",
            ["organisation"] = CardText.Literal(state.Settings.OrganisationName),
            ["stepLabel"] = StepLabel(state),
            ["role"] = isFacilitator ? "u bent gespreksleider" : "u bent deelnemer",
            ["message"] = message,
            ["messageColor"] = refused ? "Attention" : "Good",
            ["title"] = step?.Title ?? string.Empty,
            ["situation"] = situation.Lead,
            ["situationRest"] = situation.Rest,
            ["hasVideo"] = video is not null,
            ["videoArticleId"] = video ?? string.Empty,
            // Minutes left only here and in the dialogs, which are made when someone opens them: the shared card is
            // updated on changes only and shows the end time.
            ["timing"] = open ? SessionTexts.TimeLeft(state, timeProvider.GetUtcNow()) : Timing(state),
            ["isFacilitator"] = isFacilitator,
            ["counts"] = $"{DutchCounts.Contributions(contributions.Count)} van {DutchCounts.Participants(contributions.Select(c => c.AuthorKey).Distinct().Count())}; {SessionTexts.ReadyCount(state.ReadyKeys.Count)}",
            ["hasQuestions"] = step?.Questions.Count > 0,
            ["canContribute"] = open && step?.Questions.Count > 0 && !asksForAgreements,
            ["agreementsByFacilitator"] = open && asksForAgreements && !isFacilitator,
            ["contributeDialog"] = DialogData(SessionDialog.Contribute, sessionId, state),
            ["agreementDialog"] = DialogData(SessionDialog.Agreement, sessionId, state),
            ["open"] = open,
            ["questions"] = new JsonArray([.. (step?.Questions ?? []).Select(q => (JsonNode)new JsonObject
            {
                ["text"] = q.TextFor(state.Settings.Kind),
                ["inputId"] = "answer_" + q.Id,
                ["action"] = Action(("question", q.Id)),
            })]),
            ["hasOwn"] = contributions.Any(IsOwn),
            ["own"] = new JsonArray([.. contributions.Where(IsOwn).Take(ListedContributions).Select(c => (JsonNode)new JsonObject
            {
                ["text"] = c.Text,
                ["inputId"] = "edit_" + c.Id.ToString("N"),
                ["action"] = Action(("contribution", c.Id.ToString())),
            })]),
            ["hasTaggable"] = isFacilitator && open && contributions.Count > 0,
            ["hasMore"] = isFacilitator && open && contributions.Count > ListedContributions,
            ["more"] = contributions.Count > ListedContributions ? $"En nog {DutchCounts.Contributions(contributions.Count - ListedContributions)}." : string.Empty,
            ["taggable"] = new JsonArray([.. (isFacilitator && open ? contributions : []).Take(ListedContributions).Select(c => (JsonNode)new JsonObject
            {
                ["text"] = (c.Tag is { } tag ? $"[{tag}] " : string.Empty) + CardText.Literal(c.Text),
                ["kwetsbaarheid"] = Action(("contribution", c.Id.ToString()), ("tag", nameof(ContributionTag.Kwetsbaarheid))),
                ["actie"] = Action(("contribution", c.Id.ToString()), ("tag", nameof(ContributionTag.Actie))),
                ["bijdrage"] = Action(("contribution", c.Id.ToString()), ("tag", nameof(ContributionTag.Bijdrage))),
            })]),
            ["showAgreements"] = isFacilitator && open && (isLast || step?.Part == ScenarioPart.Afspraken),
            ["agreements"] = new JsonArray([.. state.Agreements.Select(a => (JsonNode)new JsonObject
            {
                ["text"] = AgreementLine.ForCard(a),
            })]),
            ["control"] = Action(),
            ["showControls"] = isFacilitator && open,
            ["showParticipantActions"] = !isFacilitator && open,
            ["pauseTitle"] = state.Status == SessionStatus.Paused ? "Hervatten" : "Pauze",
            ["pauseVerb"] = state.Status == SessionStatus.Paused ? SessionVerb.Resume : SessionVerb.Pause,
            ["finishTitle"] = isLast ? "Sessie afronden" : "Sessie beëindigen",
            ["finishConsequence"] = SessionTexts.EndConsequence(state, completes: isLast),
            ["confirmTitle"] = isLast ? "Ja, afronden" : "Ja, beëindigen",
            ["finishVerb"] = isLast ? SessionVerb.Complete : SessionVerb.End,
        };
        SessionVotingCardData.AddToView(data, sessionId, state, isFacilitator);
        PreviousAgreementsCardData.AddToView(data, state, isFacilitator);
        return CardAttachment.From(templates.Render(CardName.SessionView, data));
    }

    public Attachment Report(Guid sessionId, SessionState state, Scenario scenario, ReportLinks links, int linkDays)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(links);
        var data = new JsonObject
        {
            ["fallback"] = $"Verslag van de sessie van {state.Settings.OrganisationName}.",
            ["organisation"] = CardText.Literal(state.Settings.OrganisationName),
            ["summary"] = $"{(state.EndedEarly ? "Vroegtijdig beëindigd" : "Afgerond")} op {DutchDates.Format(SessionClock.Today(timeProvider.GetUtcNow()))}. {DutchCounts.Contributions(state.Contributions.Count)}, {DutchCounts.Agreements(state.Agreements.Count)}.{(SessionPreviousAgreements.Summary(state) is string previous ? " " + previous : string.Empty)}",
            ["endedEarly"] = SessionReport.EndedEarlyNote(state) ?? string.Empty,
            ["steps"] = new JsonArray([.. state.Settings.StepIds.Select(id => scenario.Step(id)).OfType<ScenarioStep>().Select(step => (JsonNode)new JsonObject
            {
                ["title"] = step.Title,
                ["count"] = DutchCounts.Contributions(state.ContributionsOf(step.Id).Count),
                ["tagged"] = new JsonArray([.. state.ContributionsOf(step.Id).Where(c => c.Tag is not null).Take(ListedContributions)
                    .Select(c => (JsonNode)new JsonObject { ["text"] = $"{c.Tag}: {CardText.Literal(c.Text)}" })]),
            })]),
            ["agreements"] = new JsonArray([.. state.Agreements.Select(a => (JsonNode)new JsonObject
            {
                ["text"] = AgreementLine.ForCard(a),
            })]),
            ["hasAgreements"] = state.Agreements.Count > 0,
            ["notice"] = $"De links naar het volledige verslag werken {linkDays} dagen. {scenario.Notice}",
            ["sessionId"] = sessionId.ToString(),
            ["htmlUrl"] = links.Html,
            ["markdownUrl"] = links.Markdown,
            ["wordUrl"] = links.Word,
            ["calendarUrl"] = links.Calendar,
        };
        return CardAttachment.From(templates.Render(CardName.SessionReport, data));
    }

    public static string Timing(SessionState state) => state.Status switch
    {
        SessionStatus.Paused => SessionTexts.Paused,
        SessionStatus.Completed => state.EndedEarly ? "De sessie is vroegtijdig beëindigd." : "De sessie is afgerond.",
        SessionStatus.Cancelled => "De sessie is beëindigd.",
        _ => $"Deze stap eindigt om {SessionClock.TimeOfDay(state.StepEndsAt)}.",
    };

    /// <summary>The data of a button that opens a dialog (a Teams task module) for the current step.</summary>
    internal static JsonObject DialogData(string dialog, Guid sessionId, SessionState state) => new()
    {
        ["msteams"] = new JsonObject { ["type"] = "task/fetch" },
        ["dialog"] = dialog,
        ["sessionId"] = sessionId.ToString(),
        ["step"] = state.CurrentStepId,
    };

    private static bool AsksForAgreements(ScenarioStep? step) => step?.Part == ScenarioPart.Afspraken;

    /// <summary>
    /// The published article that says how to get a video among the step's resources (one of the step's own articles
    /// first), so the card can offer it: no public address of such a video is known, only how to obtain it.
    /// </summary>
    private string? VideoArticleId(ScenarioStep? step)
    {
        var set = search.Knowledge.Set;
        var videos = (step?.ResourceIds ?? []).Where(id => set.ResourcesById.GetValueOrDefault(id)?.Kind == ResourceKind.Video).ToHashSet(StringComparer.Ordinal);
        if (videos.Count == 0)
        {
            return null;
        }

        var ownFirst = step!.ArticleIds.Select(id => set.ArticlesById.GetValueOrDefault(id)).OfType<Article>()
            .Concat(set.ArticlesById.Values.OrderBy(a => a.Id, StringComparer.Ordinal));
        return ownFirst.FirstOrDefault(a => a.ResourceIds.Any(videos.Contains))?.Id;
    }

    private static string StepLabel(SessionState state) => $"Stap {state.StepIndex + 1} van {state.Settings.StepIds.Count}";

    private static ScenarioStep? StepOf(SessionState state, Scenario scenario) => scenario.Step(state.CurrentStepId);
}
