using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// Opens and submits dialogs (<c>task/fetch</c> and <c>task/submit</c>): reads the dialog name from the data
/// leniently, hands it to the feature that takes it (<see cref="IDialogHandler"/>) and turns the result into Teams'
/// task module response. A name nobody takes, or data that does not fit, gets a Dutch line that closes the dialog.
/// </summary>
public sealed class DialogRouter(IEnumerable<IDialogHandler> features, ILogger<DialogRouter> logger)
{
    public const string FetchInvoke = "task/fetch";
    public const string SubmitInvoke = "task/submit";

    private readonly IDialogHandler[] _features = [.. features];

    public static bool IsDialogInvoke(string? name) => name is FetchInvoke or SubmitInvoke;

    /// <summary>Carries out a <c>task/fetch</c> or <c>task/submit</c> whose value is <paramref name="value"/> (as sent).</summary>
    public async Task<TaskModuleResponse> HandleAsync(ITurnContext turnContext, string invokeName, object? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (value is not JObject { } request
            || request["data"] is not JObject data
            || data["dialog"] is not JValue { Type: JTokenType.String, Value: string dialog })
        {
            return Response(DialogResult.Say(ConversationTexts.InvalidCardAction));
        }

        if (_features.FirstOrDefault(feature => feature.CanHandle(dialog)) is not IDialogHandler handler)
        {
            Log.UnknownDialog(logger, dialog.Length);
            return Response(DialogResult.Say(ConversationTexts.UnknownCardAction));
        }

        var result = invokeName == FetchInvoke
            ? await handler.FetchAsync(turnContext, dialog, data, cancellationToken)
            : await handler.SubmitAsync(turnContext, dialog, data, cancellationToken);
        return Response(result);
    }

    private static TaskModuleResponse Response(DialogResult result)
    {
        if (result.Card is { } card)
        {
            return new TaskModuleResponse(new TaskModuleContinueResponse(new TaskModuleTaskInfo
            {
                Title = result.Title,
                Card = card,
                Height = result.Size.ToString().ToLowerInvariant(),
                Width = result.Size.ToString().ToLowerInvariant(),
            }));
        }

        return result.Message is string message
            ? new TaskModuleResponse(new TaskModuleMessageResponse(message))
            : new TaskModuleResponse();
    }
}
