using System.Globalization;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Hosting;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Runs gesprekstool sessions in Teams: the setup card, the shared card, each member's own view, typed commands,
/// and the report. Every change is load → decide (the pure <see cref="SessionEngine"/>) → save against the loaded
/// version; the shared card is updated only on step changes and facilitator actions, never on contributions.
/// </summary>
public sealed class SessionCoordinator(
    SessionStore store,
    SessionCards cards,
    KnowledgeSearch search,
    StateStore claims,
    ReminderStore reminders,
    SharedCardUpdater updater,
    RefreshAudience audience,
    IHttpContextAccessor http,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    BotMetrics metrics,
    ILogger<SessionCoordinator> logger)
{
    private Scenario? Scenario => search.Knowledge.Set.Scenario;

    /// <summary>Posts the setup card (typed "start sessie" or the welcome card's button).</summary>
    public async Task StartSetupAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Scenario is not Scenario scenario)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(SessionTexts.NoScenario), cancellationToken);
            return;
        }

        var activity = turnContext.Activity;
        if (await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(SessionTexts.AlreadyRunning), cancellationToken);
            return;
        }

        var setup = MessageFactory.Attachment(cards.Setup(scenario, SessionCards.NewToken()));
        setup.Summary = "Gesprekstool starten";
        await turnContext.SendActivityAsync(setup, cancellationToken);
    }

    /// <summary>Carries out a session card button; the returned card replaces the pressed one for this user.</summary>
    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Scenario is not Scenario scenario)
        {
            return CardActionResult.Answer(SessionTexts.NoScenario);
        }

        if (verb == SessionVerb.Start)
        {
            return await StartSessionAsync(turnContext, data, scenario, cancellationToken);
        }

        // A session belongs to the conversation it was started in: a card (or forged card data) from any other
        // conversation, of this organisation or another, cannot see or change it.
        if (!Guid.TryParse(Text(data, "sessionId"), out var sessionId)
            || await store.LoadAsync(sessionId, cancellationToken) is not StoredSession session
            || session.Place.ChannelId != turnContext.Activity.ChannelId
            || session.Place.ConversationId != turnContext.Activity.Conversation.Id)
        {
            return CardActionResult.Answer(SessionTexts.SessionGone);
        }

        var actor = ActorKey(turnContext.Activity);
        if (verb == SessionVerb.Reminder)
        {
            return await ScheduleReminderAsync(turnContext, session, actor, Text(data, "weeks"), cancellationToken);
        }

        if (verb == SessionVerb.ShowAll)
        {
            return await ShowAllAsync(turnContext, session, actor, cancellationToken);
        }

        if (verb == SessionVerb.View)
        {
            return CardActionResult.WithCard(cards.View(session, scenario, actor, string.Empty), string.Empty);
        }

        var command = await CommandAsync(turnContext, verb, data, session, cancellationToken);
        if (command is null)
        {
            return CardActionResult.WithCard(cards.View(session, scenario, actor, SessionTexts.Refusal(SessionRefusal.InvalidValue)), string.Empty);
        }

        var renderedStep = Text(data, "step");
        var actionKey = string.Join(':', sessionId.ToString("N"), actor, verb, Text(data, "card") ?? "-", Text(data, "question") ?? Text(data, "contribution") ?? "-", Text(data, "tag") ?? "-");
        var change = await store.ChangeAsync(
            sessionId,
            state => renderedStep is not null && state.IsOpen && state.CurrentStepId != renderedStep && command is not TakeOver
                ? new SessionDecision(state, SessionRefusal.StepOver, SharedCardChanged: false)
                : SessionEngine.Decide(state, command, actor, scenario, timeProvider.GetUtcNow()),
            Text(data, "card") is null ? null : actionKey,
            decision => ViewJson(session with { State = decision.State }, scenario, actor, MessageFor(verb, decision)),
            cancellationToken);

        if (change.IsRepeat)
        {
            Log.SessionAction(logger, sessionId, verb, "repeated");
            return CardActionResult.WithCard(CardFromJson(change.Response!), string.Empty);
        }

        var decision = change.Decision!;
        Log.SessionAction(logger, sessionId, verb, decision.Accepted ? "accepted" : "refused");
        await AfterChangeAsync(turnContext, change.Session!, decision, command, scenario, cancellationToken);
        return CardActionResult.WithCard(cards.View(change.Session!, scenario, actor, MessageFor(verb, decision)), string.Empty);
    }

    /// <summary>Typed session commands; false when the text is no session command (then it is a question).</summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var typed = TypedSessionCommand.Parse(text);
        if (typed is null)
        {
            return false;
        }

        if (typed.Kind == TypedSessionCommandKind.Start)
        {
            await StartSetupAsync(turnContext, cancellationToken);
            return true;
        }

        var activity = turnContext.Activity;
        if (typed.Kind == TypedSessionCommandKind.Report)
        {
            await ShowLatestReportAsync(turnContext, cancellationToken);
            return true;
        }

        if (Scenario is not Scenario scenario || await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Scenario is null ? SessionTexts.NoScenario : SessionTexts.NoSession), cancellationToken);
            return true;
        }

        var actor = ActorKey(activity);
        if (typed.Kind == TypedSessionCommandKind.Status)
        {
            var contributions = session.State.CurrentStepContributions();
            await turnContext.SendActivityAsync(MessageFactory.Text(SessionTexts.Status(
                session.State, contributions.Count, contributions.Select(c => c.AuthorKey).Distinct().Count(), session.State.ReadyKeys.Count, SessionCards.Timing(session.State))), cancellationToken);
            return true;
        }

        if (typed.Kind == TypedSessionCommandKind.Contribution && session.State.Settings.Anonymous)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(SessionTexts.AnonymousTyped), cancellationToken);
            return true;
        }

        SessionCommand? command = typed.Kind switch
        {
            TypedSessionCommandKind.Next => new NextStep(),
            TypedSessionCommandKind.Previous => new PreviousStep(),
            TypedSessionCommandKind.Stop => session.State.IsAtLastStep() && session.State.Agreements.Count > 0 ? new Complete() : new Cancel(),
            TypedSessionCommandKind.TakeOver => new TakeOver(await FacilitatorHasLeftAsync(turnContext, session, cancellationToken)),
            TypedSessionCommandKind.HandOver => MentionedMember(activity) is string target ? new HandOver(target) : null,
            TypedSessionCommandKind.Contribution => FirstQuestion(session.State, scenario) is string question && typed.Argument.Length > 0
                ? new Contribute(question, typed.Argument)
                : null,
            _ => null,
        };
        if (command is null)
        {
            var how = typed.Kind == TypedSessionCommandKind.HandOver ? SessionTexts.HandOverHow : SessionTexts.ContributionHow;
            await turnContext.SendActivityAsync(MessageFactory.Text(how), cancellationToken);
            return true;
        }

        var change = await store.ChangeAsync(session.Id, state => SessionEngine.Decide(state, command, actor, scenario, timeProvider.GetUtcNow()), null, null, cancellationToken);
        var decision = change.Decision!;
        var verb = VerbOf(command);
        Log.SessionAction(logger, session.Id, verb, decision.Accepted ? "accepted" : "refused");
        await AfterChangeAsync(turnContext, change.Session!, decision, command, scenario, cancellationToken);
        if (!decision.Accepted || command is Contribute or HandOver or TakeOver or Cancel)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(MessageFor(verb, decision)), cancellationToken);
        }

        return true;
    }

    /// <summary>Serves a report behind its link, or null when the token is unknown or expired.</summary>
    public Task<SessionReportRecord?> FindReportAsync(string token, CancellationToken cancellationToken) => store.FindReportAsync(token, cancellationToken);

    private async Task<CardActionResult> StartSessionAsync(ITurnContext turnContext, JObject? data, Scenario scenario, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var settings = Settings(data, scenario);
        if (settings is null || Text(data, "token") is not string token || token.Length > 64)
        {
            return CardActionResult.Answer(SessionTexts.SetupInvalid);
        }

        if (await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not null)
        {
            return CardActionResult.Answer(SessionTexts.AlreadyRunning);
        }

        // One setup card starts one session, also when its button is clicked twice at once.
        try
        {
            await claims.WriteAsync($"weerbaar/session-setup/{token}", "{}", StateWrite.MustNotExist, cancellationToken);
        }
        catch (StateConflictException)
        {
            return CardActionResult.Answer(SessionTexts.SetupUsed);
        }

        var actor = ActorKey(activity);
        var state = SessionEngine.Start(Guid.NewGuid(), settings, actor, scenario, timeProvider.GetUtcNow());
        var place = new SessionPlace(activity.ChannelId, activity.Conversation.Id, activity.ServiceUrl, activity.Conversation.TenantId);
        var session = await store.CreateAsync(place, state, activity.From.Id, cancellationToken);
        var refreshUserIds = await audience.ForAsync(turnContext, session, cancellationToken);
        var shared = MessageFactory.Attachment(cards.Shared(session, scenario, refreshUserIds));
        shared.Summary = $"Gesprekstool: {settings.OrganisationName}";
        var posted = await turnContext.SendActivityAsync(shared, cancellationToken);
        if (posted?.Id is string id)
        {
            await store.SetSharedCardAsync(session.Id, id, cancellationToken);
        }

        Log.SessionAction(logger, session.Id, SessionVerb.Start, "accepted");
        metrics.SessionStarted();
        return CardActionResult.WithCard(cards.View(session, scenario, actor, SessionTexts.Started), SessionTexts.Started);
    }

    private async Task AfterChangeAsync(ITurnContext turnContext, StoredSession session, SessionDecision decision, SessionCommand command, Scenario scenario, CancellationToken cancellationToken)
    {
        if (!decision.Accepted)
        {
            return;
        }

        if (command is HandOver handOver)
        {
            await store.SetFacilitatorUserAsync(session.Id, handOver.ToKey, cancellationToken);
            session = session with { FacilitatorUserId = handOver.ToKey };
        }
        else if (command is TakeOver)
        {
            await store.SetFacilitatorUserAsync(session.Id, turnContext.Activity.From.Id, cancellationToken);
            session = session with { FacilitatorUserId = turnContext.Activity.From.Id };
        }

        if (decision.SharedCardChanged && session.SharedCardActivityId is string activityId)
        {
            var refreshUserIds = await audience.ForAsync(turnContext, session, cancellationToken);
            try
            {
                await updater.UpdateAsync(turnContext, activityId, cards.Shared(session, scenario, refreshUserIds), cancellationToken);
            }
            catch (ErrorResponseException exception)
            {
                // The change itself is saved; the shared card catches up with the next step change or "toon mijn weergave".
                Log.SharedCardNotUpdated(logger, session.Id, exception.GetType().Name);
            }
        }

        if (decision.State.Status == SessionStatus.Completed)
        {
            metrics.SessionCompleted();
            await PostReportAsync(turnContext, session with { State = decision.State }, scenario, cancellationToken);
        }
    }

    private async Task<CardActionResult> ScheduleReminderAsync(ITurnContext turnContext, StoredSession session, string actor, string? weeksText, CancellationToken cancellationToken)
    {
        if (!session.State.IsFacilitator(actor))
        {
            return CardActionResult.Answer(SessionTexts.Refusal(SessionRefusal.NotFacilitator));
        }

        if (session.State.Status != SessionStatus.Completed || !int.TryParse(weeksText, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) || weeks is < 1 or > 52)
        {
            return CardActionResult.Answer(SessionTexts.Refusal(SessionRefusal.InvalidValue));
        }

        await reminders.ScheduleAsync(session.Id, session.Place, turnContext.Activity.Recipient.Id, timeProvider.GetUtcNow().AddDays(7 * weeks), cancellationToken);
        return CardActionResult.Answer(SessionTexts.ReminderScheduled(weeks));
    }

    // A long list does not fit on a card; the facilitator can post all of the step's contributions (without authors).
    private static async Task<CardActionResult> ShowAllAsync(ITurnContext turnContext, StoredSession session, string actor, CancellationToken cancellationToken)
    {
        if (!session.State.IsFacilitator(actor))
        {
            return CardActionResult.Answer(SessionTexts.Refusal(SessionRefusal.NotFacilitator));
        }

        var lines = session.State.CurrentStepContributions().Select(c => "- " + CardText.Literal(string.Join(' ', c.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))).ToList();
        foreach (var chunk in lines.Chunk(40))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(string.Join('\n', chunk)), cancellationToken);
        }

        return CardActionResult.Replied(SessionTexts.AllContributionsPosted);
    }

    private async Task PostReportAsync(ITurnContext turnContext, StoredSession session, Scenario scenario, CancellationToken cancellationToken)
    {
        var today = SessionClock.Today(timeProvider.GetUtcNow());
        var days = options.Value.ReportLinkDays;
        var token = await store.SaveReportAsync(
            session.Id,
            SessionReport.Markdown(session.State, scenario, today),
            SessionReport.Html(session.State, scenario, today),
            TimeSpan.FromDays(days),
            cancellationToken);
        var baseUrl = BaseUrl();
        var report = MessageFactory.Attachment(cards.Report(session.Id, session.State, scenario, $"{baseUrl}/sessies/verslag/{token}.html", $"{baseUrl}/sessies/verslag/{token}.md", days));
        report.Summary = $"Verslag: {session.State.Settings.OrganisationName}";
        await turnContext.SendActivityAsync(report, cancellationToken);
    }

    private async Task ShowLatestReportAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (Scenario is not Scenario scenario || await store.FindLatestCompletedAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not StoredSession session)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(SessionTexts.NoReport), cancellationToken);
            return;
        }

        await PostReportAsync(turnContext, session, scenario, cancellationToken);
    }

    private static async Task<SessionCommand?> CommandAsync(ITurnContext turnContext, string verb, JObject? data, StoredSession session, CancellationToken cancellationToken) => verb switch
    {
        SessionVerb.Next => new NextStep(),
        SessionVerb.Previous => new PreviousStep(),
        SessionVerb.Pause => new PauseSession(),
        SessionVerb.Resume => new ResumeSession(),
        SessionVerb.Extend => new ExtendStep(5),
        SessionVerb.Reveal => new RevealContributions(),
        SessionVerb.Ready => new MarkReady(),
        SessionVerb.Complete => new Complete(),
        SessionVerb.Cancel => new Cancel(),
        SessionVerb.TakeOver => new TakeOver(await FacilitatorHasLeftAsync(turnContext, session, cancellationToken)),
        SessionVerb.Contribute when Text(data, "question") is string question => new Contribute(question, Text(data, "answer_" + question) ?? string.Empty),
        SessionVerb.Withdraw when Guid.TryParse(Text(data, "contribution"), out var id) => new WithdrawContribution(id),
        SessionVerb.Edit when Guid.TryParse(Text(data, "contribution"), out var id) => new EditContribution(id, Text(data, "edit_" + id.ToString("N")) ?? string.Empty),
        SessionVerb.Tag when Guid.TryParse(Text(data, "contribution"), out var id) && Enum.TryParse<ContributionTag>(Text(data, "tag"), out var tag) => new TagContribution(id, tag),
        SessionVerb.Agreement when DateOnly.TryParseExact(Text(data, "agreementDue"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) =>
            new AddAgreement(Text(data, "agreementWhat") ?? string.Empty, Text(data, "agreementOwner") ?? string.Empty, due),
        _ => null,
    };

    // Whether the facilitator is still a member of the conversation: Teams answers "member not found" once they left.
    private static async Task<bool> FacilitatorHasLeftAsync(ITurnContext turnContext, StoredSession session, CancellationToken cancellationToken)
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
    }

    private static SessionSettings? Settings(JObject? data, Scenario scenario)
    {
        var organisation = Text(data, "organisation")?.Trim();
        var steps = (Text(data, "steps") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (string.IsNullOrEmpty(organisation) || organisation.Length > SessionEngine.MaxOrganisationNameLength
            || !Enum.TryParse<OrganisationKind>(Text(data, "kind"), ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
            || !int.TryParse(Text(data, "minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || !SessionEngine.AllowedTotalMinutes.Contains(minutes)
            || steps.Length == 0 || steps.Any(id => scenario.Step(id) is null))
        {
            return null;
        }

        // Keep the scenario's order, whatever order the client sent the choices in.
        var ordered = scenario.Steps.Select(s => s.Id).Where(steps.Contains).ToList();
        return new SessionSettings(organisation, kind, ordered, minutes, Text(data, "anonymous") == "true");
    }

    private static string? FirstQuestion(SessionState state, Scenario scenario) =>
        scenario.Step(state.CurrentStepId)?.Questions is { Count: > 0 } questions ? questions[0].Id : null;

    private static string? MentionedMember(Activity activity) =>
        activity.AsMessageActivity()?.GetMentions().Select(m => m.Mentioned?.Id).FirstOrDefault(id => id is not null && id != activity.Recipient.Id);

    /// <summary>Who acts: the Teams user id, the same in every conversation type and what the roster answers to.</summary>
    private static string ActorKey(Activity activity) => activity.From.Id;

    private string ViewJson(StoredSession session, Scenario scenario, string actor, string message) =>
        ((JObject)cards.View(session, scenario, actor, message).Content).ToString(Newtonsoft.Json.Formatting.None);

    private static Attachment CardFromJson(string json) => new() { ContentType = BotCards.AdaptiveCardContentType, Content = JObject.Parse(json) };

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? string.Empty : $"{request.Scheme}://{request.Host}";
    }

    private static string MessageFor(string verb, SessionDecision decision)
    {
        if (!decision.Accepted)
        {
            return SessionTexts.Refusal(decision.Refusal);
        }

        return verb switch
        {
            SessionVerb.Contribute => SessionTexts.ContributionSaved,
            SessionVerb.Withdraw => SessionTexts.ContributionWithdrawn,
            SessionVerb.Edit => SessionTexts.ContributionEdited,
            SessionVerb.Ready => SessionTexts.ReadySaved,
            SessionVerb.Agreement => SessionTexts.AgreementSaved,
            SessionVerb.TakeOver => SessionTexts.TakenOver,
            SessionVerb.Cancel => SessionTexts.Cancelled,
            SessionVerb.Complete => SessionTexts.Completed,
            "handOver" => SessionTexts.HandedOver,
            _ => string.Empty,
        };
    }

    private static string VerbOf(SessionCommand command) => command switch
    {
        Contribute => SessionVerb.Contribute,
        TakeOver => SessionVerb.TakeOver,
        Cancel => SessionVerb.Cancel,
        NextStep => SessionVerb.Next,
        PreviousStep => SessionVerb.Previous,
        Complete => SessionVerb.Complete,
        HandOver => "handOver",
        _ => string.Empty,
    };
}
