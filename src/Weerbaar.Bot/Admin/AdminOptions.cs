namespace Weerbaar.Bot.Admin;

/// <summary>Who may keep the knowledge current (the <c>Admin</c> section).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The Entra object ids (<c>from.aadObjectId</c>) of the knowledge editors.</summary>
    public List<string> UserAadObjectIds { get; set; } = [];

    /// <summary>
    /// In the Development environment only, this user is admin too: the Agents Playground's own user, so a newcomer
    /// can try <c>beheer</c> at once. Ignored in every other environment.
    /// </summary>
    public string? DevelopmentAdminAadObjectId { get; set; }

    /// <summary>Articles whose "laatst gecontroleerd" date is older than this many days are listed in <c>beheer</c>.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int StaleAfterDays { get; set; } = 365;
}
