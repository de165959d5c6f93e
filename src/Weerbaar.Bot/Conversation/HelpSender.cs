using Microsoft.Bot.Builder;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Conversation;

/// <summary>Sends the help card made for the conversation it is asked in (typed <c>help</c> or the "Help" button).</summary>
public sealed class HelpSender(BotCards cards, SessionStore sessions)
{
    public async Task SendAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var open = await sessions.FindOpenAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken);
        var place = new HelpPlace(ConversationScope.IsGroup(activity), open?.Id);
        await turnContext.SendActivityAsync(cards.HelpMessage(place), cancellationToken);
    }
}
