using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Weerbaar in Teams: welcomes a conversation once, offers typed text to the <see cref="TypedCommands"/> table (help,
/// the features, and last the question), and carries out card buttons. Everything it decides is delegated; this class
/// only maps Teams events to those decisions.
/// </summary>
public sealed class WeerbaarBot(
    BotCards cards,
    CardActionRouter cardActions,
    DialogRouter dialogs,
    TypedCommands typedCommands,
    IEnumerable<IInvokeHandler> invokeHandlers,
    ReminderStore reminders,
    WelcomeLedger welcomeLedger,
    ILogger<WeerbaarBot> logger) : TeamsActivityHandler
{
    private const string AdaptiveCardActionInvoke = "adaptiveCard/action";
    private const string ExecuteActionType = "Action.Execute";

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = IncomingText.Of(turnContext.Activity);

        // An Action.Submit button (older cards, some clients) arrives as a message with the card data as value.
        if (text.Length == 0 && turnContext.Activity.Value is JObject submitted
            && submitted["verb"] is JValue { Type: JTokenType.String, Value: string submittedVerb })
        {
            var result = await cardActions.HandleAsync(turnContext, submittedVerb, submitted, cancellationToken);
            if (!result.PostedReply)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(result.Confirmation), cancellationToken);
            }

            return;
        }

        // A client that cannot open dialogs (the Agents Playground) sends a dialog button as a plain submit.
        if (text.Length == 0 && turnContext.Activity.Value is JObject pressed && pressed["dialog"] is JValue { Type: JTokenType.String })
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.DialogUnsupported), cancellationToken);
            return;
        }

        foreach (var handler in typedCommands.InOrder)
        {
            if (await handler.TryHandleTypedAsync(turnContext, text, cancellationToken))
            {
                return;
            }
        }
    }

    // The base class would look up the profile of every added member at Teams before dispatching; the welcome
    // only needs to know whether the bot itself was added.
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.MembersAdded?.Any(member => member.Id == activity.Recipient.Id) == true)
        {
            await WelcomeOnceAsync(turnContext, cancellationToken);
        }

        if (activity.MembersRemoved?.Any(member => member.Id == activity.Recipient.Id) == true)
        {
            await ForgetConversationAsync(turnContext, cancellationToken);
        }
    }

    protected override Task OnInstallationUpdateRemoveAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => ForgetConversationAsync(turnContext, cancellationToken);

    // Removed or uninstalled: what was kept to post here later (reminders and their conversation references) goes.
    private async Task ForgetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dropped = await reminders.DropConversationAsync(turnContext.Activity.ChannelId, turnContext.Activity.Conversation.Id, cancellationToken);
        Log.ConversationForgotten(logger, dropped);
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
        => WelcomeOnceAsync(turnContext, cancellationToken);

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        if (invokeHandlers.FirstOrDefault(handler => handler.Name == turnContext.Activity.Name) is IInvokeHandler invokeHandler)
        {
            return await invokeHandler.HandleAsync(turnContext, cancellationToken);
        }

        // Read here rather than in OnTeamsTaskModuleFetchAsync: the SDK answers a value it cannot read with a bare 400,
        // where the user should get a Dutch line.
        if (DialogRouter.IsDialogInvoke(turnContext.Activity.Name))
        {
            return CreateInvokeResponse(await dialogs.HandleAsync(turnContext, turnContext.Activity.Name, turnContext.Activity.Value, cancellationToken));
        }

        if (turnContext.Activity.Name != AdaptiveCardActionInvoke)
        {
            return await base.OnInvokeActivityAsync(turnContext, cancellationToken);
        }

        // Read the value leniently: a malformed one gets a Dutch sentence, where the SDK would answer in English.
        if (turnContext.Activity.Value is not JObject value
            || value["action"] is not JObject action
            || action.Value<string>("type") != ExecuteActionType
            || action["verb"] is not JValue { Type: JTokenType.String, Value: string verb })
        {
            return CreateInvokeResponse(CardActionResponses.MessageBody(ConversationTexts.InvalidCardAction));
        }

        var result = await cardActions.HandleAsync(turnContext, verb, action["data"] as JObject, cancellationToken);
        return CreateInvokeResponse(result.Card is Attachment card
            ? CardActionResponses.CardBody(card)
            : CardActionResponses.MessageBody(result.Confirmation));
    }

    private async Task WelcomeOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!await welcomeLedger.TryClaimAsync(activity.ChannelId, activity.Conversation.Id, cancellationToken))
        {
            return;
        }

        var isGroup = ConversationScope.IsGroup(activity);
        try
        {
            await turnContext.SendActivityAsync(cards.WelcomeMessage(isGroup), cancellationToken);
        }
        catch
        {
            await welcomeLedger.ReleaseAsync(activity.ChannelId, activity.Conversation.Id, CancellationToken.None);
            throw;
        }
    }
}
