namespace Weerbaar.Bot.Admin;

/// <summary>
/// Which addresses the bot may download an admin's file from. The address arrives inside an activity; fetching
/// anything but Teams' own file storage would let an odd or forged attachment make the bot call other services,
/// internal ones included (server-side request forgery).
/// </summary>
public static class DownloadAllowList
{
    public static bool Allows(Uri url, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0)
        {
            return false;
        }

        var schemeAllowed = url.Scheme == Uri.UriSchemeHttps || (options.AllowHttpDownloads && url.Scheme == Uri.UriSchemeHttp);
        return schemeAllowed && options.FileDownloadHosts.Any(suffix => Matches(url.IdnHost, suffix));
    }

    /// <summary>
    /// Whether an entry of <see cref="AdminOptions.FileDownloadHosts"/> is a plain host name with a dot: no wildcard,
    /// and not a bare top-level domain such as <c>com</c>, which would allow far too much.
    /// </summary>
    public static bool IsValidSuffix(string suffix) =>
        Uri.CheckHostName(suffix) is UriHostNameType.Dns or UriHostNameType.IPv4
        && suffix.Contains('.', StringComparison.Ordinal)
        && !suffix.EndsWith('.');

    // A suffix allows itself and its subdomains; "evilsharepoint.com" is no subdomain of "sharepoint.com".
    private static bool Matches(string host, string suffix) =>
        host.Equals(suffix, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase);
}
