using System.Globalization;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Runs gesprekstool sessions in Teams: turns a card button or typed command into a request (through
/// <see cref="SessionCommandTable"/>), has <see cref="SessionService"/> decide and save it, and answers from the
/// returned decision — a personal view for a button, a sentence for typed text — while <see cref="SessionPublisher"/>
/// shows the group what changed.
/// </summary>
public sealed class SessionCoordinator(
    SessionActions actions,
    SessionStore store,
    SessionSetup setup,
    SessionCards cards,
    SessionPublisher publisher,
    KnowledgeSearch search,
    ReminderStore reminders,
    TimeProvider timeProvider,
    ILogger<SessionCoordinator> logger) : ICardActionHandler, ITypedCommandHandler
{
    private Scenario? Scenario => search.Knowledge.Set.Scenario;

    /// <summary>Posts the setup card (typed "start sessie" or the welcome card's button).</summary>
    public Task StartSetupAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        setup.OfferAsync(turnContext, Scenario, cancellationToken);

    public int Order => TypedCommandOrder.Sessions;

    public bool CanHandle(string verb, JObject? data) => verb == CardVerb.StartSession || SessionVerb.IsSessionVerb(verb);

    /// <summary>Carries out a session card button; the returned card replaces the pressed one for this user.</summary>
    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (verb == CardVerb.StartSession)
        {
            await StartSetupAsync(turnContext, cancellationToken);
            return CardActionResult.Replied(SessionTexts.SetupSent);
        }

        if (Scenario is not Scenario scenario)
        {
            return CardActionResult.Answer(SessionTexts.NoScenario);
        }

        var route = SessionCommandTable.FromVerb(verb);
        if (route?.Action == SessionAction.Start)
        {
            return await setup.StartAsync(turnContext, data, scenario, cancellationToken);
        }

        var activity = turnContext.Activity;
        if (!Guid.TryParse(Text(data, "sessionId"), out var sessionId)
            || await store.FindInConversationAsync(sessionId, activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            return CardActionResult.Answer(SessionTexts.SessionGone);
        }

        var actor = ActorKey(activity);
        switch (route?.Action)
        {
            case SessionAction.Reminder:
                return await ScheduleReminderAsync(turnContext, session, actor, Text(data, "weeks"), cancellationToken);
            case SessionAction.ShowAll when !session.State.IsOpen:
            case SessionAction.AskToEnd when !session.State.IsOpen:
            case SessionAction.Continue when !session.State.IsOpen:
                return ViewResult(session.Id, session.State, scenario, actor, SessionTexts.Refusal(SessionRefusal.SessionClosed), refused: true, SessionCards.NewToken());
            case SessionAction.ShowAll or SessionAction.AskToEnd when !session.State.IsFacilitator(actor):
                return CardActionResult.Answer(SessionTexts.Refusal(SessionRefusal.NotFacilitator));
            case SessionAction.ShowAll:
                if (SessionEngine.ShowAllRefusal(session.State, actor) is var showAllRefusal && showAllRefusal != SessionRefusal.None)
                {
                    return CardActionResult.Answer(SessionTexts.Refusal(showAllRefusal));
                }

                await SessionPublisher.PostContributionsAsync(turnContext, session.State, cancellationToken);
                return CardActionResult.Replied(SessionTexts.AllContributionsPosted);
            case SessionAction.AskToEnd:
                // A one-click "Sessie beëindigen" from a card sent before ending needed a confirmation: it only asks.
                return CardActionResult.WithCard(cards.EndConfirmation(session.Id, session.State, SessionCards.NewToken()), string.Empty);
            case SessionAction.Continue:
                return ViewResult(session.Id, session.State, scenario, actor, SessionTexts.Continues, refused: false, SessionCards.NewToken());
            case SessionAction.View:
                return ViewResult(session.Id, session.State, scenario, actor, string.Empty, refused: false, SessionCards.NewToken());
        }

        var facilitatorHasLeft = route?.Action == SessionAction.TakeOver && session.State.IsOpen ? await FacilitatorHasLeftAsync(turnContext, session, cancellationToken) : false;
        if (facilitatorHasLeft is null)
        {
            return CardActionResult.Answer(SessionTexts.RosterUnavailable);
        }

        var command = route is null ? null : SessionCommandTable.Command(route, new SessionCommandInput(data, FacilitatorHasLeft: facilitatorHasLeft.Value));
        if (route is null || command is null)
        {
            // An old card's form of a session that is over: what was typed into it no longer matters.
            var refusal = session.State.IsOpen ? SessionRefusal.InvalidValue : SessionRefusal.SessionClosed;
            return ViewResult(session.Id, session.State, scenario, actor, SessionTexts.Refusal(refusal), refused: true, SessionCards.NewToken());
        }

        // The pressed card's token makes a double click (two activities with different ids) one action.
        var stamp = SessionActions.Stamp(sessionId, actor, verb, Text(data, "card"), Text(data, "question") ?? Text(data, "contribution") ?? "-", Text(data, "tag") ?? "-");
        var change = await actions.ApplyAsync(turnContext, new SessionRequest(sessionId, command, actor, Text(data, "step")), scenario, route.LogName, stamp, cancellationToken);
        var (state, message, refused) = change.IsRepeat && change.Decision.State.IsOpen && !change.Session.State.IsOpen
            ? (change.Session.State, SessionTexts.Refusal(SessionRefusal.SessionClosed), true) // an old card's repeat must not bring back live buttons
            : (change.Decision.State, SessionTexts.Outcome(command, change.Decision), !change.Decision.Accepted);
        return ViewResult(sessionId, state, scenario, actor, message, refused, change.CardVersion ?? SessionCards.NewToken());
    }

    /// <summary>Typed session commands; false when the text is no session command (then it is a question).</summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (SessionCommandTable.FromText(text) is not SessionRoute route)
        {
            return false;
        }

        if (route.Action == SessionAction.OpenSetup)
        {
            await StartSetupAsync(turnContext, cancellationToken);
            return true;
        }

        var activity = turnContext.Activity;
        if (route.Action == SessionAction.Report)
        {
            await ShowLatestReportAsync(turnContext, cancellationToken);
            return true;
        }

        if (Scenario is not Scenario scenario || await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            await SayAsync(turnContext, Scenario is null ? SessionTexts.NoScenario : SessionTexts.NoSession, cancellationToken);
            return true;
        }

        if (route.Action == SessionAction.Status)
        {
            // The shared card may be far up the chat by now: it comes back below, with its buttons, and the later
            // updates go to this new one. The line under it gives the counts.
            await publisher.PostSharedCardAsync(turnContext, session, scenario, cancellationToken);
            var contributions = session.State.CurrentStepContributions();
            await SayAsync(turnContext, SessionTexts.Status(
                session.State, contributions.Count, contributions.Select(c => c.AuthorKey).Distinct().Count(), session.State.ReadyKeys.Count, SessionCards.Timing(session.State)), cancellationToken);
            return true;
        }

        // Ending takes a confirmation; the card goes to the chat, where only the facilitator's "Ja, beëindigen" counts.
        if (route.Action == SessionAction.AskToEnd)
        {
            if (session.State.IsFacilitator(ActorKey(activity)))
            {
                var question = MessageFactory.Attachment(cards.EndConfirmation(session.Id, session.State, SessionCards.NewToken()));
                question.Summary = $"Sessie beëindigen: {session.State.Settings.OrganisationName}";
                await turnContext.SendActivityAsync(question, cancellationToken);
            }
            else
            {
                await SayAsync(turnContext, SessionTexts.Refusal(SessionRefusal.NotFacilitator), cancellationToken);
            }

            return true;
        }

        // Typing in the chat shows everyone who wrote it, which an anonymous session promised not to do.
        if (route.Action == SessionAction.Contribute && session.State.Settings.Anonymous)
        {
            await SayAsync(turnContext, SessionTexts.AnonymousTyped, cancellationToken);
            return true;
        }

        var facilitatorHasLeft = route.Action == SessionAction.TakeOver ? await FacilitatorHasLeftAsync(turnContext, session, cancellationToken) : false;
        if (facilitatorHasLeft is null)
        {
            await SayAsync(turnContext, SessionTexts.RosterUnavailable, cancellationToken);
            return true;
        }

        var command = SessionCommandTable.Command(route, new SessionCommandInput(
            Data: null,
            route.Argument,
            MentionedMember(activity),
            scenario.Step(session.State.CurrentStepId)?.Questions is { Count: > 0 } questions ? questions[0].Id : null,
            facilitatorHasLeft.Value));
        if (command is null)
        {
            await SayAsync(turnContext, route.Action == SessionAction.HandOver ? SessionTexts.HandOverHow : SessionTexts.ContributionHow, cancellationToken);
            return true;
        }

        var change = await actions.ApplyAsync(turnContext, new SessionRequest(session.Id, command, ActorKey(activity)), scenario, route.LogName, stamp: null, cancellationToken);

        // A completion shows in the report; a step change on the shared card, which may be far up the chat, so one line
        // names the new step; everything else gets a sentence.
        var decision = change.Decision;
        if (decision.Accepted && command is NextStep or PreviousStep)
        {
            await SayAsync(turnContext, SessionTexts.StepLine(decision.State, scenario.Step(decision.State.CurrentStepId)?.Title), cancellationToken);
        }
        else if (!decision.Accepted || decision.State.Status != SessionStatus.Completed)
        {
            await SayAsync(turnContext, SessionTexts.Outcome(command, decision), cancellationToken);
        }

        return true;
    }

    /// <summary>Who acts: the Teams user id, the same in every conversation type and what the roster answers to.</summary>
    internal static string ActorKey(Activity activity) => activity.From.Id;

    private async Task<CardActionResult> ScheduleReminderAsync(ITurnContext turnContext, StoredSession session, string actor, string? weeksText, CancellationToken cancellationToken)
    {
        int? weeks = int.TryParse(weeksText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (SessionEngine.ReminderRefusal(session.State, actor, weeks) is var refusal && refusal != SessionRefusal.None)
        {
            return CardActionResult.Answer(SessionTexts.Refusal(refusal));
        }

        await reminders.ScheduleAsync(session.Id, session.Place, turnContext.Activity.Recipient.Id, timeProvider.GetUtcNow().AddDays(7 * weeks!.Value), cancellationToken);
        return CardActionResult.Answer(SessionTexts.ReminderScheduled(weeks.Value));
    }

    private async Task ShowLatestReportAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (Scenario is not Scenario scenario || await store.FindLatestCompletedAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            await SayAsync(turnContext, SessionTexts.NoReport, cancellationToken);
            return;
        }

        await publisher.PostReportAsync(turnContext, session, scenario, cancellationToken);
    }

    private CardActionResult ViewResult(Guid sessionId, SessionState state, Scenario scenario, string actor, string message, bool refused, string cardVersion) =>
        CardActionResult.WithCard(cards.View(sessionId, state, scenario, actor, message, refused, cardVersion), string.Empty);

    // Whether the facilitator is still a member of the conversation: Teams answers "member not found" once they left.
    // Null when Teams could not say (an error, a timeout): a take-over then waits rather than guess.
    private async Task<bool?> FacilitatorHasLeftAsync(ITurnContext turnContext, StoredSession session, CancellationToken cancellationToken)
    {
        if (session.FacilitatorUserId is not string facilitator)
        {
            return true;
        }

        try
        {
            await TeamsInfo.GetMemberAsync(turnContext, facilitator, cancellationToken);
            return false;
        }
        catch (ErrorResponseException exception) when (exception.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.RosterLookupFailed(logger, session.Id, exception.GetType().Name);
            return null;
        }
    }

    private static string? MentionedMember(Activity activity) =>
        activity.AsMessageActivity()?.GetMentions().Select(m => m.Mentioned?.Id).FirstOrDefault(id => id is not null && id != activity.Recipient.Id);

    private static async Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}
