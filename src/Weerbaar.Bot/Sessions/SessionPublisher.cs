using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// What the whole group sees of a session in the chat: the shared card (posted at the start, updated in place when a
/// decision says so), the report once the session is completed (also when ended early with contributions), and a
/// step's contributions posted on request.
/// </summary>
public sealed class SessionPublisher(
    SessionStore store,
    SessionCards cards,
    RefreshAudience audience,
    SharedCardUpdater updater,
    IHttpContextAccessor http,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider,
    BotMetrics metrics)
{
    /// <summary>
    /// Posts the session's shared card (at the start, and again when someone types <c>status</c>) and remembers its
    /// activity id, so the updates go to the newest one.
    /// </summary>
    public async Task PostSharedCardAsync(ITurnContext turnContext, StoredSession session, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(session);
        var refreshUserIds = await audience.ForAsync(turnContext, session, cancellationToken);
        var shared = MessageFactory.Attachment(cards.Shared(session, scenario, refreshUserIds));
        shared.Summary = $"Gesprekstool: {session.State.Settings.OrganisationName}";
        var posted = await turnContext.SendActivityAsync(shared, cancellationToken);
        if (posted?.Id is string id)
        {
            await store.SetSharedCardAsync(session.Id, id, cancellationToken);
        }
    }

    /// <summary>Shows the group what a saved change did: the shared card when the decision changed it, the report at the end.</summary>
    public async Task PublishAsync(ITurnContext turnContext, SessionChange change, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.IsRepeat || !change.Decision.Accepted)
        {
            return;
        }

        var session = change.Session;
        if (change.Decision.SharedCardChanged && session.SharedCardActivityId is string activityId)
        {
            var refreshUserIds = await audience.ForAsync(turnContext, session, cancellationToken);
            await updater.UpdateAsync(turnContext, session.Id, activityId, cards.Shared(session, scenario, refreshUserIds), cancellationToken);
        }

        if (session.State.Status == SessionStatus.Completed)
        {
            metrics.SessionCompleted();
            await PostReportAsync(turnContext, session, scenario, cancellationToken);
        }
    }

    /// <summary>
    /// Posts the report's card: with the links of the report stored before while the session has not changed since
    /// (asking <c>verslag</c> again stores no new copy), behind fresh links otherwise.
    /// </summary>
    public async Task PostReportAsync(ITurnContext turnContext, StoredSession session, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(session);
        var (token, days) = await StoredReportAsync(session, scenario, cancellationToken) ?? await SaveReportAsync(session, scenario, cancellationToken);
        var baseUrl = BaseUrl();
        var report = MessageFactory.Attachment(cards.Report(session.Id, session.State, scenario, new ReportLinks($"{baseUrl}/sessies/verslag/{token}"), days));
        report.Summary = $"Verslag: {session.State.Settings.OrganisationName}";
        await turnContext.SendActivityAsync(report, cancellationToken);
    }

    // The stored report is the same as today's would be when it was made from the same contributions, agreements and
    // status (and scenario): rendered again with the date it was made on, it comes out the same. The Word document is
    // made from the same state at the same moment, so it goes with them; a report stored before there was one gets
    // fresh links that have it. Its links are shared
    // again while they work a good while longer (a day; half a day when links last one day), so nobody gets a link
    // that dies before they open it.
    private async Task<(string Token, int Days)?> StoredReportAsync(StoredSession session, Scenario scenario, CancellationToken cancellationToken)
    {
        if (await store.FindLatestReportAsync(session.Id, cancellationToken) is not SessionReportRecord stored)
        {
            return null;
        }

        var left = stored.ExpiresAt - timeProvider.GetUtcNow();
        var madeOn = SessionClock.Today(stored.CreatedAt);
        return left >= TimeSpan.FromDays(Math.Min(1, options.Value.ReportLinkDays / 2.0))
            && stored.Word is not null
            && string.Equals(stored.Markdown, SessionReport.Markdown(session.State, scenario, madeOn), StringComparison.Ordinal)
            && string.Equals(stored.Html, SessionReport.Html(session.State, scenario, madeOn), StringComparison.Ordinal)
                ? (stored.Token, Math.Max(1, (int)Math.Round(left.TotalDays)))
                : null;
    }

    private async Task<(string Token, int Days)> SaveReportAsync(StoredSession session, Scenario scenario, CancellationToken cancellationToken)
    {
        var today = SessionClock.Today(timeProvider.GetUtcNow());
        var days = options.Value.ReportLinkDays;
        var token = await store.SaveReportAsync(
            session.Id,
            SessionReport.Markdown(session.State, scenario, today),
            SessionReport.Html(session.State, scenario, today),
            SessionWordReport.Build(session.State, scenario, today),
            TimeSpan.FromDays(days),
            cancellationToken);
        return (token, days);
    }

    // A long list does not fit on a card, so the current step's contributions go into the chat, without authors.
    public static async Task PostContributionsAsync(ITurnContext turnContext, SessionState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        var lines = state.CurrentStepContributions().Select(c => "- " + CardText.Literal(string.Join(' ', c.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))).ToList();
        foreach (var chunk in lines.Chunk(40))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(string.Join('\n', chunk)), cancellationToken);
        }
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? string.Empty : $"{request.Scheme}://{request.Host}";
    }
}
