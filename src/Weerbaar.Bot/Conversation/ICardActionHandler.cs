using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// A feature's card buttons: the <see cref="CardActionRouter"/> hands a verb to the one registered handler that says it
/// handles it. Features register theirs (<c>AddSessions()</c>, <c>AddAdmin()</c>), so the turn pipeline does not know them.
/// </summary>
public interface ICardActionHandler
{
    /// <summary>
    /// Whether this handler takes the button: <paramref name="verb"/> is one of this feature's (the verb sets of
    /// features do not overlap) and, where the feature checks it here, <paramref name="data"/> fits the verb. A button
    /// nobody takes gets the router's answer to an unknown verb.
    /// </summary>
    bool CanHandle(string verb, JObject? data);

    /// <summary>Carries out the button; called only when <see cref="CanHandle"/> said yes.</summary>
    Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken);
}
