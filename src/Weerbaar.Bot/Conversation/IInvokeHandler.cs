using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Conversation;

/// <summary>A feature's answer to an invoke other than a card button (<c>adaptiveCard/action</c> goes to the router).</summary>
public interface IInvokeHandler
{
    /// <summary>The invoke's <c>name</c>; one handler per name.</summary>
    string Name { get; }

    Task<InvokeResponse> HandleAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken);
}
