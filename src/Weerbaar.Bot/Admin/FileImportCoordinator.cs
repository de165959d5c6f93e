using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Imports knowledge an admin sends as a file in the personal chat (one article as <c>.md</c>, or a <c>.zip</c> in the
/// knowledge/ layout): fetched from Teams' file storage, read and checked as a whole, and published all or nothing by
/// the <see cref="KnowledgeImporter"/>, like <c>kb import</c>. The sender's rights are checked before anything is fetched.
/// </summary>
public sealed class FileImportCoordinator(
    AdminPolicy policy,
    FileDownloader downloader,
    KnowledgeImporter importer,
    KnowledgeRefresher refresher,
    ILogger<FileImportCoordinator> logger) : ITypedCommandHandler
{
    public int Order => TypedCommandOrder.FileImport;

    /// <summary>
    /// Answers a message that carries files and no text; false when it has text, carries no files or is not in a
    /// personal chat.
    /// </summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0)
        {
            return false;
        }

        IMessageActivity activity = turnContext.Activity;
        var files = TeamsFile.Of(activity);
        // Teams sends files to bots in personal chats only; an attachment anywhere else is left alone, as before.
        if (files.Count == 0 || ConversationScope.IsGroup(activity))
        {
            return false;
        }

        var reply = await ImportAsync(activity, files, cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
        return true;
    }

    private async Task<string> ImportAsync(IMessageActivity activity, IReadOnlyList<TeamsFile> files, CancellationToken cancellationToken)
    {
        if (!policy.IsAdmin(activity))
        {
            Log.FileImportRefused(logger, "the sender is not an admin");
            return AdminTexts.NoAccess;
        }

        if (files.Count > 1)
        {
            Log.FileImportRefused(logger, "more than one file");
            return AdminTexts.OneFileAtATime;
        }

        var file = files[0];
        // The same rule as KnowledgeBundle's, checked first so that no other kind of file is fetched at all.
        var extension = Path.GetExtension(file.Name);
        if (!extension.Equals(".md", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
        {
            Log.FileImportRefused(logger, "not a .md or .zip file");
            return AdminTexts.FileTypeUnknown;
        }

        var download = await downloader.DownloadAsync(file.DownloadUrl, cancellationToken);
        switch (download.Status)
        {
            case FileDownloadStatus.NotAllowed:
                return AdminTexts.FileNotAllowed;
            case FileDownloadStatus.TooLarge:
                return AdminTexts.FileTooLarge(FileDownloader.MaxBytes / 1024 / 1024);
            case FileDownloadStatus.Failed:
                return AdminTexts.FileDownloadFailed;
        }

        using var content = new MemoryStream(download.Content, writable: false);
        var bundle = await KnowledgeBundle.ReadAsync(file.Name, content, cancellationToken);
        if (!bundle.IsValid)
        {
            Log.FileImportRejected(logger, bundle.Problems.Count, extension, download.Content.Length);
            return ImportReport.Refused(bundle.Problems);
        }

        if (bundle.Files.Count == 0)
        {
            Log.FileImportRejected(logger, 0, extension, download.Content.Length);
            return AdminTexts.ImportEmpty;
        }

        var actor = new KnowledgeActor(activity.From.AadObjectId, activity.From.Name ?? AdminTexts.UnnamedAdmin);
        var result = await importer.ImportAsync(bundle.Files, actor, cancellationToken);
        if (!result.Succeeded)
        {
            Log.FileImportRejected(logger, result.Problems.Count, extension, download.Content.Length);
            return ImportReport.Refused(result.Problems);
        }

        // The admin's next question should already get the new text, not wait for the background refresh.
        if (result.ChangedPublished)
        {
            await refresher.RefreshAsync(cancellationToken);
        }

        Log.FileImported(logger, extension, download.Content.Length, result.Created.Count, result.Updated.Count, result.Unchanged.Count);
        return ImportReport.Imported(result);
    }
}
