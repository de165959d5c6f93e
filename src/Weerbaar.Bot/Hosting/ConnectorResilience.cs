using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// The resilience pipeline of the HTTP client the Bot Framework uses to reply, send and update cards (the default
/// client of the factory handed to <c>ConfigurationBotFrameworkAuthentication</c>). Teams throttles with 429 and a
/// Retry-After: that wait is honoured (capped) and the call repeated, because a 429 means nothing was done. A 5xx on a
/// create is not repeated: the message may have been posted, and a second attempt would show it twice. Every attempt
/// has a time limit, so a hanging connector cannot hold a turn past Teams' own patience.
/// </summary>
public static class ConnectorResilience
{
    public static IServiceCollection AddConnectorResilience(this IServiceCollection services)
    {
        services.AddHttpClient(Options.DefaultName).AddResilienceHandler("connector", (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.ThrottleRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = true,
                ShouldHandle = arguments => ValueTask.FromResult(IsThrottledWithin(arguments.Outcome, TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds))),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(settings.ConnectorTimeoutSeconds));
        });
        return services;
    }

    private static bool IsThrottledWithin(Outcome<HttpResponseMessage> outcome, TimeSpan cap)
    {
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response)
        {
            return false;
        }

        return RequestedWait(response) <= cap;
    }

    /// <summary>How long a response's Retry-After asks to wait (a delay or a date); zero without the header.</summary>
    internal static TimeSpan RequestedWait(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        return retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
    }
}
