using System.Globalization;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using static Weerbaar.Bot.Conversation.CardData;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Starting a session: the setup card (typed "start sessie" or the welcome card's button) and its start button, which
/// makes the session, posts the shared card and turns the setup card into a confirmation, so the starter, who leads
/// the session, steers from one card: the shared card, which shows them their own view.
/// </summary>
public sealed class SessionSetup(
    SessionStore store,
    SessionService sessions,
    SessionCards cards,
    SessionPublisher publisher,
    StateStore claims,
    BotMetrics metrics,
    ILogger<SessionSetup> logger)
{
    /// <summary>Posts the setup card, unless a session already runs in this conversation.</summary>
    public async Task OfferAsync(ITurnContext turnContext, Scenario? scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (scenario is null)
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

    /// <summary>The setup card's start button.</summary>
    public async Task<CardActionResult> StartAsync(ITurnContext turnContext, JObject? data, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var start = await StartSessionAsync(turnContext, data, scenario, cancellationToken);
        if (start.Session is not StoredSession session)
        {
            return CardActionResult.Answer(SessionTexts.SetupRefused(start.Refusal));
        }

        return CardActionResult.WithCard(cards.Started(session.State), SessionTexts.Started);
    }

    /// <summary>
    /// Starts a session from the setup's answers (<paramref name="data"/>: token, organisation, kind, steps, minutes,
    /// anonymous), the same for the card's start button and the setup dialog: the same rules, and one setup token
    /// starts one session whichever of them is pressed, however often. The shared card is posted in this turn.
    /// </summary>
    public async Task<SetupStart> StartSessionAsync(ITurnContext turnContext, JObject? data, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var settings = Settings(data, scenario);
        if (settings is null || Text(data, "token") is not string token || token.Length > 64)
        {
            return new SetupStart(null, SetupRefusal.Invalid);
        }

        if (await store.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken) is not null)
        {
            return new SetupStart(null, SetupRefusal.AlreadyRunning);
        }

        // One setup card starts one session, also when its button is clicked twice at once.
        try
        {
            await claims.WriteAsync(ClaimKey(token), "{}", StateWrite.MustNotExist, cancellationToken);
        }
        catch (StateConflictException)
        {
            return new SetupStart(null, SetupRefusal.Used);
        }

        var actor = SessionCoordinator.ActorKey(activity);
        var place = new SessionPlace(activity.ChannelId, activity.Conversation.Id, activity.ServiceUrl, activity.Conversation.TenantId);
        var session = await sessions.StartAsync(place, settings, actor, scenario, cancellationToken);
        await publisher.PostSharedCardAsync(turnContext, session, scenario, cancellationToken);
        Log.SessionAction(logger, session.Id, SessionVerb.Start, "accepted");
        metrics.SessionStarted();
        return new SetupStart(session, SetupRefusal.None);
    }

    /// <summary>Whether a session was started with the setup card of <paramref name="token"/> already.</summary>
    public async Task<bool> IsUsedAsync(string token, CancellationToken cancellationToken) =>
        (await claims.ReadAsync([ClaimKey(token)], cancellationToken)).Count > 0;

    private static string ClaimKey(string token) => $"weerbaar/session-setup/{token}";

    /// <summary>The setup card's choices as settings, or null when they cannot start a session.</summary>
    private static SessionSettings? Settings(JObject? data, Scenario scenario)
    {
        var chosen = (Text(data, "steps") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!Enum.TryParse<OrganisationKind>(Text(data, "kind"), ignoreCase: true, out var kind)
            || !int.TryParse(Text(data, "minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || chosen.Any(id => scenario.Step(id) is null))
        {
            return null;
        }

        // Keep the scenario's order, whatever order the client sent the choices in.
        var steps = scenario.Steps.Select(s => s.Id).Where(chosen.Contains).ToList();
        var settings = new SessionSettings(Text(data, "organisation")?.Trim() ?? string.Empty, kind, steps, minutes, Text(data, "anonymous") == "true");
        return SessionEngine.SettingsError(settings, scenario) is null ? settings : null;
    }
}

/// <summary>What starting a session did: the session, or why none was started.</summary>
public sealed record SetupStart(StoredSession? Session, SetupRefusal Refusal);

/// <summary>Why the setup started no session.</summary>
public enum SetupRefusal
{
    None,

    /// <summary>The answers break the settings rules, or the setup token is missing.</summary>
    Invalid,

    /// <summary>A session already runs in the conversation.</summary>
    AlreadyRunning,

    /// <summary>This setup card's token started a session already.</summary>
    Used,
}
