using Microsoft.Bot.Builder;

namespace Weerbaar.Bot.Conversation;

/// <summary>Typed <c>help</c> (or <c>hulp</c>, <c>?</c>): the help card.</summary>
public sealed class HelpCommand(BotCards cards) : ITypedCommandHandler
{
    public int Order => TypedCommandOrder.Help;

    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (UserCommand.Parse(text) != UserCommandKind.Help)
        {
            return false;
        }

        await turnContext.SendActivityAsync(cards.HelpMessage(), cancellationToken);
        return true;
    }
}
