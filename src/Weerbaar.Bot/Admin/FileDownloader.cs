using System.Net;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

public enum FileDownloadStatus
{
    Downloaded,
    NotAllowed,
    Failed,
    TooLarge,
}

/// <summary>What a download brought: the bytes, or why there are none.</summary>
public sealed record FileDownload(FileDownloadStatus Status, byte[] Content)
{
    public static FileDownload Without(FileDownloadStatus status) => new(status, []);
}

/// <summary>
/// Fetches a file an admin sent in Teams from its download address. Only addresses on the allow-list are fetched,
/// each redirect included (the HTTP client follows none by itself), and no more than a knowledge bundle may hold is
/// read, whatever length the server announces.
/// </summary>
public sealed class FileDownloader(IHttpClientFactory clients, IOptions<AdminOptions> options, TimeProvider timeProvider, ILogger<FileDownloader> logger)
{
    public const string ClientName = "Weerbaar.FileDownload";

    /// <summary>The most a download may hold: a zip file of the knowledge may not be larger either.</summary>
    public const int MaxBytes = KnowledgeLimits.MaxBundleBytes;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // SharePoint may send a download on to another of its own addresses; more hops than this are not a download.
    private const int MaxRedirects = 3;

    public async Task<FileDownload> DownloadAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url))
        {
            Log.FileDownloadFailed(logger, "no absolute address in the attachment");
            return FileDownload.Without(FileDownloadStatus.Failed);
        }

        // HttpClient.Timeout stops counting once the headers are in; the body is read under the same limit by this token.
        using var timeout = new CancellationTokenSource(Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FollowAsync(url, linked.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.FileDownloadFailed(logger, exception.GetType().Name);
            return FileDownload.Without(FileDownloadStatus.Failed);
        }
    }

    private async Task<FileDownload> FollowAsync(Uri url, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        for (var redirects = 0; ; redirects++)
        {
            if (!DownloadAllowList.Allows(url, options.Value))
            {
                Log.FileDownloadNotAllowed(logger, url.Scheme, url.IdnHost);
                return FileDownload.Without(FileDownloadStatus.NotAllowed);
            }

            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (IsRedirect(response.StatusCode) && response.Headers.Location is Uri location && redirects < MaxRedirects)
            {
                url = new Uri(url, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                Log.FileDownloadFailed(logger, $"status {(int)response.StatusCode}");
                return FileDownload.Without(FileDownloadStatus.Failed);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var content = response.Content.Headers.ContentLength > MaxBytes ? null : await LimitedRead.ReadAtMostAsync(body, MaxBytes, cancellationToken);
            if (content is null)
            {
                Log.FileTooLarge(logger, MaxBytes);
                return FileDownload.Without(FileDownloadStatus.TooLarge);
            }

            return new FileDownload(FileDownloadStatus.Downloaded, content);
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
}
