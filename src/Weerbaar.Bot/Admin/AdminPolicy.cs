using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Weerbaar.Bot.Admin;

/// <summary>Decides whether the sender of an activity is a knowledge admin: by Entra object id, never by name.</summary>
public sealed class AdminPolicy(IOptions<AdminOptions> options, IHostEnvironment environment)
{
    public bool IsAdmin(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From?.AadObjectId is not string id || id.Length == 0)
        {
            return false;
        }

        var settings = options.Value;
        return settings.UserAadObjectIds.Contains(id, StringComparer.OrdinalIgnoreCase)
            || (environment.IsDevelopment() && string.Equals(settings.DevelopmentAdminAadObjectId, id, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why the sender may not use the admin feature here (a Dutch line), or null: admins only, and only in the personal chat.</summary>
    public string? Refusal(Activity activity) =>
        !IsAdmin(activity) ? AdminTexts.NoAccess
        : Conversation.ConversationScope.IsGroup(activity) ? AdminTexts.PersonalOnly
        : null;
}
