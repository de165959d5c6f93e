using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Admin;

/// <summary>Offers the admin verbs (<c>admin…</c>) and typed <c>beheer …</c> to the turn pipeline.</summary>
public sealed class AdminTurnHandler(AdminCoordinator admin) : ICardActionHandler, ITypedCommandHandler
{
    public int Order => TypedCommandOrder.Admin;

    public bool CanHandle(string verb, JObject? data) => AdminVerb.IsAdminVerb(verb);

    public Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken) =>
        admin.HandleAsync(turnContext, verb, data, cancellationToken);

    public Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        admin.TryHandleTypedAsync(turnContext, text, cancellationToken);
}
