using Microsoft.Bot.Builder;

namespace Weerbaar.Bot.Conversation;

/// <summary>Typed <c>help</c> (or <c>hulp</c>, <c>?</c>): the help card.</summary>
public sealed class HelpCommand(HelpSender help) : ITypedCommandHandler
{
    public int Order => TypedCommandOrder.Help;

    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (UserCommand.Parse(text) != UserCommandKind.Help)
        {
            return false;
        }

        await help.SendAsync(turnContext, cancellationToken);
        return true;
    }
}
