using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Hosting;
using Weerbaar.Core.Search;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Posts one line in a session's chat when the running step's time is up, mentioning the facilitator. Every instance
/// checks; the line is claimed in the session's state (saved against its version) before it is sent, so it goes out
/// once per step end time, also across restarts and instances. A send that fails after Teams' throttling retries is
/// given up: a missed line is less harmful than a repeated one, and the shared card still shows the end time.
/// </summary>
public sealed class TimeUpNotifier(
    SessionStore sessions,
    SessionService service,
    KnowledgeSearch search,
    WeerbaarAdapter adapter,
    IConfiguration configuration,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<TimeUpNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TimeUpCheckSeconds), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.TimeUpCheckFailed(logger, exception.GetType().Name);
            }
        }
    }

    /// <summary>Posts the time-up line of every running session whose step's time is up and not yet announced; returns how many were posted.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        var now = timeProvider.GetUtcNow();
        foreach (var id in await sessions.FindRunningIdsAsync(cancellationToken))
        {
            // A cheap look first: most running sessions have time left, and a claim writes.
            if (await sessions.LoadAsync(id, cancellationToken) is not { } candidate || !candidate.State.IsTimeUpUnnoted(now)
                || await service.ClaimTimeUpAsync(id, cancellationToken) is not { } session)
            {
                continue;
            }

            if (await TryPostAsync(session, cancellationToken))
            {
                posted++;
            }
        }

        return posted;
    }

    private async Task<bool> TryPostAsync(StoredSession session, CancellationToken cancellationToken)
    {
        var state = session.State;
        var title = search.Knowledge.Set.Scenario?.Step(state.CurrentStepId)?.Title ?? string.Empty;
        var reference = new ConversationReference
        {
            ChannelId = session.Place.ChannelId,
            ServiceUrl = session.Place.ServiceUrl,
            Conversation = new ConversationAccount(id: session.Place.ConversationId, tenantId: session.Place.TenantId),
            Bot = new ChannelAccount(configuration["MicrosoftAppId"] ?? string.Empty),
        };

        // A failure inside the turn would reach the adapter's error handler, which apologises in the conversation: a
        // background line must fail quietly instead.
        Exception? failure = null;
        try
        {
            await adapter.ContinueConversationAsync(
                configuration["MicrosoftAppId"] ?? string.Empty,
                reference,
                async (turnContext, ct) =>
                {
                    try
                    {
                        var facilitator = await FacilitatorAsync(turnContext, session, ct);
                        await turnContext.SendActivityAsync(Line(state, title, facilitator), ct);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failure = exception;
                    }
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = exception;
        }

        if (failure is null)
        {
            Log.TimeUpPosted(logger, session.Id, state.StepIndex + 1);
            return true;
        }

        Log.TimeUpNotPosted(logger, session.Id, failure is ErrorResponseException { Response: { } response } ? (int)response.StatusCode : 0, failure.GetType().Name);
        return false;
    }

    // The name is looked up when the line is sent, never stored: the state holds ids only.
    private async Task<ChannelAccount?> FacilitatorAsync(ITurnContext turnContext, StoredSession session, CancellationToken cancellationToken)
    {
        var id = session.FacilitatorUserId ?? session.State.FacilitatorKey;
        try
        {
            var member = await TeamsInfo.GetMemberAsync(turnContext, id, cancellationToken);
            return string.IsNullOrWhiteSpace(member?.Name) ? null : new ChannelAccount(member.Id ?? id, member.Name);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TimeUpMentionUnavailable(logger, session.Id, exception is ErrorResponseException { Response: { } response } ? (int)response.StatusCode : 0);
            return null;
        }
    }

    internal static IMessageActivity Line(SessionState state, string title, ChannelAccount? facilitator)
    {
        if (facilitator is null)
        {
            return MessageFactory.Text(SessionTexts.TimeUp(null, state.StepIndex + 1, title));
        }

        // Teams shows a mention only when the text holds exactly the entity's text; the name is escaped like all text.
        var mentionText = $"<at>{WebUtility.HtmlEncode(facilitator.Name)}</at>";
        var activity = MessageFactory.Text(SessionTexts.TimeUp(mentionText, state.StepIndex + 1, title));
        activity.Entities = [new Mention { Mentioned = facilitator, Text = mentionText }];
        return activity;
    }
}
