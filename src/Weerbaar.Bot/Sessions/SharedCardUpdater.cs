using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// Updates a shared card in place. Teams throttles (about 0.5 operations per second per thread): a 429 is waited out
/// for its Retry-After (capped) and retried a few times; anything else is left to the caller.
/// </summary>
public sealed class SharedCardUpdater(TimeProvider timeProvider, ILogger<SharedCardUpdater> logger)
{
    private const int MaxAttempts = 4;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    public async Task UpdateAsync(ITurnContext turnContext, string activityId, Attachment card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var update = MessageFactory.Attachment(card);
        update.Id = activityId;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await turnContext.UpdateActivityAsync(update, cancellationToken);
                return;
            }
            catch (ErrorResponseException exception)
                when (exception.Response?.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                var wait = RetryAfter(exception) ?? TimeSpan.FromSeconds(attempt);
                Log.SharedCardThrottled(logger, attempt, wait.TotalSeconds);
                await Task.Delay(wait < MaxWait ? wait : MaxWait, timeProvider, cancellationToken);
            }
        }
    }

    private static TimeSpan? RetryAfter(ErrorResponseException exception) =>
        exception.Response?.Headers is { } headers
        && headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
