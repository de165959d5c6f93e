using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Core.Privacy;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// <c>verwijder mijn gegevens</c>: in the personal chat, erases what the bot keeps about the user and says what it
/// erased. In a group chat or channel the bot points to the personal chat, where nobody else reads along.
/// </summary>
public sealed class ErasureRequest(PersonalDataEraser eraser, ILogger<ErasureRequest> logger) : ITypedCommandHandler
{
    private static readonly HashSet<string> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "verwijder mijn gegevens", "wis mijn gegevens", "verwijder al mijn gegevens",
    };

    public int Order => TypedCommandOrder.Erasure;

    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(text);
        if (!Phrases.Contains(text.Trim().TrimEnd('.', '!')))
        {
            return false;
        }

        var activity = turnContext.Activity;
        if (ConversationScope.IsGroup(activity) || activity.From?.Id is not string userId)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.ErasureOnlyInPersonalChat), cancellationToken);
            return true;
        }

        // The keys under which the Bot Framework keeps this user's state and the personal chat's state.
        var keys = new List<string> { $"{activity.ChannelId}/users/{userId}", $"{activity.ChannelId}/conversations/{activity.Conversation!.Id}" };
        var subject = new DataSubject(userId, activity.From.AadObjectId, keys, LastAnswerPerUser.KeyOf(activity), (activity.ChannelId, activity.Conversation!.Id));
        var report = await eraser.EraseAsync(subject, cancellationToken);
        Log.PersonalDataErased(logger, report.Contributions, report.FacilitatedSessions, report.StateRecords, report.AuditEntries,
            report.GroupQuestions, report.CardActions, report.ChatReferences, report.KnowledgeVersions);
        await turnContext.SendActivityAsync(MessageFactory.Text(ConversationTexts.ErasureDone(report)), cancellationToken);
        return true;
    }
}
