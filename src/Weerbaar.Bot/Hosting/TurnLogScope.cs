using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// One log scope per turn: the activity id, a hash of the conversation id and the activity type, so the entries of
/// one turn can be found together without the conversation id itself (which identifies people's chats) in the logs.
/// </summary>
public sealed class TurnLogScope(ILogger<TurnLogScope> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        using (logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity?.Id,
            ["ConversationHash"] = activity?.Conversation?.Id is string id ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..12] : null,
            ["ActivityType"] = activity?.Type,
        }))
        {
            await next(cancellationToken);
        }
    }
}
