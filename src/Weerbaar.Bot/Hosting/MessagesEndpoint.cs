using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.Configuration;
using Microsoft.IdentityModel.Tokens;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the gate in front of CloudAdapter. It refuses callers when the deployment is not
/// configured to authenticate them, bodies over the size limit with 413 and malformed bodies with 400, all before they
/// reach the pipeline, and maps failures to fetch the token metadata to 503 (a dependency is down, try again) instead
/// of 500. Channels and tenants are checked by <see cref="WeerbaarAdapter"/> after authentication, so a caller without
/// a valid token learns nothing about which tenants are served.
/// </summary>
public static class MessagesEndpoint
{
    public const string Path = "/api/messages";

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(
        HttpContext context, WeerbaarAdapter adapter, IBot bot, CallerPolicy policy, IOptions<BotOptions> options, ILogger<WeerbaarAdapter> logger)
    {
        if (policy.RefusesEveryone)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // No Teams activity comes near the limit; a larger body is refused before it is parsed or held in memory.
        var limit = options.Value.MaxRequestBytes;
        var bytes = context.Request.ContentLength > limit ? null : await LimitedRead.ReadAtMostAsync(context.Request.Body, limit, context.RequestAborted);
        if (bytes is null)
        {
            Log.RequestTooLarge(logger, limit);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = Encoding.UTF8.GetString(bytes);
        context.Request.Body = new MemoryStream(bytes, writable: false);

        if (ActivityRequest.FindProblem(body) is string problem)
        {
            Log.ActivityRejected(logger, problem);
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem).ExecuteAsync(context);
            return;
        }

        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted);
        }
        catch (SecurityTokenException exception) when (!context.Response.HasStarted)
        {
            // CloudAdapter turns most token failures into 401 itself, but lets a bad signature escape as an exception.
            Log.TokenRejected(logger, exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Exception exception) when (IsMetadataUnavailable(exception) && !context.Response.HasStarted)
        {
            Log.AuthenticationMetadataUnavailable(logger, exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
        }
    }

    // IdentityModel reports a metadata or signing-key download that failed as InvalidOperationException
    // ("IDX20803: Unable to obtain configuration"), wrapping the HTTP failure.
    private static bool IsMetadataUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or IOException or InvalidConfigurationException
                || (current is InvalidOperationException && current.Message.StartsWith("IDX208", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
