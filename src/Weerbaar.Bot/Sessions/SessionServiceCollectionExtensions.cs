using System.Text;
using Microsoft.Extensions.Options;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

public static class SessionServiceCollectionExtensions
{
    /// <summary>The gesprekstool: sessions in the database, their cards, the coordinator and the report links.</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => SessionOptions.IsWebAddress(o.PublicBaseUrl), SessionOptions.PublicBaseUrlNotAnAddress)
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(o.PublicBaseUrl), SessionOptions.PublicBaseUrlMissing)
            .Validate<IHostEnvironment>((o, environment) => SessionOptions.IsAllowedIn(o.PublicBaseUrl, environment), SessionOptions.PublicBaseUrlNotHttps)
            .Validate(o => SessionOptions.IsPseudonymKeyValid(o.PseudonymKey), SessionOptions.PseudonymKeyInvalid)
            .Validate<IHostEnvironment>((o, environment) => environment.IsDevelopment() || SessionOptions.PseudonymKeyBytes(o.PseudonymKey) is not null, SessionOptions.PseudonymKeyMissing)
            .ValidateOnStart();
        services.AddSingleton(sp => new ContributorPseudonyms(
            SessionOptions.PseudonymKeyFor(sp.GetRequiredService<IOptions<SessionOptions>>().Value.PseudonymKey, sp.GetRequiredService<IHostEnvironment>())));
        services.AddHttpContextAccessor();
        services.AddSingleton<SessionStore>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SessionOptions>>().Value.Limits);
        services.AddSingleton<SessionService>();
        services.AddSingleton<SessionCards>();
        services.AddSingleton<SessionPublisher>();
        services.AddSingleton<SessionSetup>();
        services.AddSingleton<IDialogHandler, SetupDialog>();
        services.AddSingleton<SharedCardUpdater>();
        services.AddSingleton<RefreshAudience>();
        services.AddSingleton<SessionActions>();
        services.AddSingleton<SessionCoordinator>();
        services.AddSingleton<SessionDialogCards>();
        services.AddSingleton<SessionDialogs>();
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<SessionDialogs>());
        services.AddSingleton<VotingDialogs>();
        services.AddSingleton<IDialogHandler>(sp => sp.GetRequiredService<VotingDialogs>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<SessionCoordinator>());
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<SessionCoordinator>());
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<ReminderSender>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderSender>());
        services.AddSingleton<TimeUpNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<TimeUpNotifier>());
        return services;
    }

    /// <summary>
    /// <c>GET /sessies/verslag/{token}.html</c>, <c>.md</c> and <c>.docx</c>: a finished session's report behind an
    /// unguessable link that expires; <c>.ics</c>: its follow-up moment behind the same link. No authentication:
    /// whoever has the link may read the report, as with a shared document link.
    /// </summary>
    public static IEndpointRouteBuilder MapSessionReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessies/verslag/{file}", async (string file, SessionStore sessions, ReminderStore reminders, HttpContext context, CancellationToken cancellationToken) =>
        {
            ProtectReport(context.Response.Headers);
            var extension = Path.GetExtension(file);
            var token = Path.GetFileNameWithoutExtension(file);
            var report = extension is ".html" or ".md" or ".docx" or ".ics" && token.Length is >= 16 and <= 64
                ? await sessions.FindReportAsync(token, cancellationToken)
                : null;
            var result = report is null ? null : extension switch
            {
                ".html" => Results.Text(report.Html, "text/html; charset=utf-8"),
                ".md" => Results.Text(report.Markdown, "text/markdown; charset=utf-8"),
                // The file name says what it is and when it was made, not whose it is: it stays on people's disks.
                ".docx" when report.Word is byte[] word => Results.File(word, SessionWordReport.ContentType, $"verslag-gesprekstool-{SessionClock.Today(report.CreatedAt):yyyy-MM-dd}.docx"),
                ".ics" => await CalendarAsync(report, sessions, reminders, cancellationToken),
                _ => null,
            };
            return result ?? Results.Text("Dit verslag bestaat niet (meer). Vraag de gespreksleider om het verslag opnieuw te delen met: verslag.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return endpoints;
    }

    // Made when asked rather than stored with the report: the facilitator may choose the reminder (whose day it takes)
    // after the report was posted. The agreements of a completed session no longer change, so they are the report's.
    private static async Task<IResult?> CalendarAsync(SessionReportRecord report, SessionStore sessions, ReminderStore reminders, CancellationToken cancellationToken)
    {
        if (await sessions.LoadAsync(report.SessionId, cancellationToken) is not StoredSession session)
        {
            return null;
        }

        var reminderDue = await reminders.DueAtAsync(session.Id, cancellationToken);
        var day = SessionCalendar.FollowUpDate(session.State, reminderDue is DateTimeOffset due ? SessionClock.Today(due) : null);
        return day is DateOnly date
            ? Results.File(Encoding.UTF8.GetBytes(SessionCalendar.Build(session.State, date, report.CreatedAt)), SessionCalendar.ContentType, "terugblik-afspraken.ics")
            : null;
    }

    // A report holds what a team said about its weak spots, behind a link that is its only key: nothing in it may run
    // or load anything (participants' text included), the link must not leak to other sites or search engines, and
    // no cache may keep a copy after the link expires. The same for the 404, which answers a guessed link.
    private static void ProtectReport(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex";
    }
}
