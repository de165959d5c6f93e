using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// A feature's dialogs (Teams task modules). A card button opens one with an <c>Action.Submit</c> whose data holds
/// <c>"msteams": {"type": "task/fetch"}</c> and <c>"dialog": name</c>; the dialog card's own <c>Action.Submit</c>
/// carries the same <c>"dialog"</c> name, so its <c>task/submit</c> comes back to the same handler. The
/// <see cref="DialogRouter"/> hands a name to the one handler that takes it.
/// </summary>
public interface IDialogHandler
{
    /// <summary>Whether <paramref name="dialog"/> is one of this feature's dialog names (the names of features do not overlap).</summary>
    bool CanHandle(string dialog);

    /// <summary>Opens the dialog: <paramref name="data"/> is the pressed button's data.</summary>
    Task<DialogResult> FetchAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken);

    /// <summary>The dialog card's submit: <paramref name="data"/> is the button's data with the card's inputs merged in.</summary>
    Task<DialogResult> SubmitAsync(ITurnContext turnContext, string dialog, JObject data, CancellationToken cancellationToken);
}
