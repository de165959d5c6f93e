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
        return services;
    }

    /// <summary>
    /// <c>GET /sessies/verslag/{token}.html</c> and <c>.md</c>: a finished session's report behind an unguessable link
    /// that expires. No authentication: whoever has the link may read the report, as with a shared document link.
    /// </summary>
    public static IEndpointRouteBuilder MapSessionReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sessies/verslag/{file}", async (string file, SessionStore sessions, HttpContext context, CancellationToken cancellationToken) =>
        {
            ProtectReport(context.Response.Headers);
            var html = file.EndsWith(".html", StringComparison.Ordinal);
            var token = Path.GetFileNameWithoutExtension(file);
            if ((!html && !file.EndsWith(".md", StringComparison.Ordinal)) || token.Length is < 16 or > 64
                || await sessions.FindReportAsync(token, cancellationToken) is not SessionReportRecord report)
            {
                return Results.Text("Dit verslag bestaat niet (meer). Vraag de gespreksleider om het verslag opnieuw te delen met: verslag.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            return html
                ? Results.Text(report.Html, "text/html; charset=utf-8")
                : Results.Text(report.Markdown, "text/markdown; charset=utf-8");
        });
        return endpoints;
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
