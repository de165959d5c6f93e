using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Hosting;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Sends due follow-up reminders into the conversation where the session was held, through the stored conversation
/// reference. A refusal by Teams (403: the bot was removed, 404: the conversation is gone) gives the reminder up at once;
/// other failures are retried a few times, never forever. With several instances only the holder of the job's lease sends.
/// </summary>
public sealed class ReminderSender(
    ReminderStore reminders,
    JobLease lease,
    SessionStore sessions,
    WeerbaarAdapter adapter,
    IConfiguration configuration,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    ILogger<ReminderSender> logger) : BackgroundService
{
    public const string LeaseName = "reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.ReminderCheckSeconds);
        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // One instance sends (the lease holder, renewing it every check), so a due reminder goes out once.
                if (await lease.TryTakeAsync(LeaseName, interval * 3, stoppingToken))
                {
                    await SendDueAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.ReminderCheckFailed(logger, exception.GetType().Name);
            }
        }
    }

    /// <summary>Sends every reminder that is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var reminder in await reminders.DueAsync(cancellationToken))
        {
            var session = await sessions.LoadAsync(reminder.SessionId, cancellationToken);
            var text = session is null
                ? SessionTexts.ReminderWithoutSession
                : SessionTexts.Reminder(CardText.Literal(session.State.Settings.OrganisationName), session.State.Agreements.Select(a =>
                    AgreementLine.ForCard(a)));
            var reference = new ConversationReference
            {
                ChannelId = reminder.ChannelId,
                ServiceUrl = reminder.ServiceUrl,
                Conversation = new ConversationAccount(id: reminder.ConversationId, tenantId: reminder.TenantId),
                Bot = new ChannelAccount(reminder.BotId),
            };
            // A failure inside the turn would reach the adapter's error handler, which apologises in the conversation and
            // swallows it; the reminder needs to know, so the send is watched here.
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
                            await turnContext.SendActivityAsync(MessageFactory.Text(text), ct);
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

            switch (failure)
            {
                case null:
                    await reminders.MarkSentAsync(reminder.Id, cancellationToken);
                    Log.ReminderSent(logger, reminder.SessionId);
                    sent++;
                    break;
                case ErrorResponseException refused when refused.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound:
                    await reminders.MarkFailedAsync(reminder.Id, cancellationToken);
                    Log.ReminderRefused(logger, reminder.SessionId, (int)refused.Response.StatusCode);
                    break;
                default:
                    await reminders.CountFailureAsync(reminder.Id, cancellationToken);
                    Log.ReminderFailed(logger, reminder.SessionId, failure.GetType().Name);
                    break;
            }
        }

        return sent;
    }
}
