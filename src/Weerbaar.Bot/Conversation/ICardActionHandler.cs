using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// A feature's card buttons: the <see cref="CardActionRouter"/> hands a verb to the one registered handler that says it
/// handles it. Features register theirs (<c>AddSessions()</c>, <c>AddAdmin()</c>), so the turn pipeline does not know them.
/// </summary>
public interface ICardActionHandler
{
    /// <summary>Whether <paramref name="verb"/> is one of this feature's; the verb sets of features do not overlap.</summary>
    bool CanHandle(string verb);

    /// <summary>Carries out the button; called only for a verb this handler <see cref="CanHandle"/>.</summary>
    Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken);
}
