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

    /// <summary>
    /// Hosts the bot may download an admin's file from (the <c>downloadUrl</c> Teams sends), as suffixes: an entry
    /// allows that host and its subdomains. Teams keeps chat files in SharePoint/OneDrive, so the defaults are
    /// <c>sharepoint.com</c> and <c>sharepoint-df.com</c>; empty allows no download at all.
    /// </summary>
    public List<string> FileDownloadHosts { get; set; } = [];

    /// <summary>
    /// Also download over plain http, for a local test server. A developer switch: outside the Development environment
    /// the bot refuses to start with it.
    /// </summary>
    public bool AllowHttpDownloads { get; set; }

    internal const string HttpDownloadsOutsideDevelopment =
        "Admin:AllowHttpDownloads=true is a developer switch and is only accepted in the Development environment; remove it (Teams serves files over https)";
}
