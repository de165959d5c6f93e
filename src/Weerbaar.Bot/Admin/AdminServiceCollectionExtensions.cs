using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Admin;

namespace Weerbaar.Bot.Admin;

public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.FileDownloadHosts.All(DownloadAllowList.IsValidSuffix), "Admin:FileDownloadHosts holds host names such as sharepoint.com: no wildcards, no bare top-level domain")
            // A developer switch that weakens security stops the start anywhere else, rather than only warning.
            .Validate<IHostEnvironment>((o, environment) => !o.AllowHttpDownloads || environment.IsDevelopment(), AdminOptions.HttpDownloadsOutsideDevelopment)
            .ValidateOnStart();
        services.AddSingleton<AdminPolicy>();
        services.AddSingleton<KnowledgeAdmin>();
        services.AddSingleton<AdminCards>();
        services.AddSingleton<ArticlePreview>();
        services.AddSingleton<ArticleEditor>();
        services.AddSingleton<IDialogHandler, ArticleDialog>();
        services.AddSingleton<AdminCoordinator>();
        services.AddSingleton<FileDownloader>();
        services.AddSingleton<FileImportCoordinator>();
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<AdminCoordinator>());
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<AdminCoordinator>());
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<FileImportCoordinator>());
        services.AddHttpClient(FileDownloader.ClientName, client => client.Timeout = FileDownloader.Timeout)
            // Redirects are followed by FileDownloader, which checks every hop against the allow-list; no cookies or
            // credentials travel with a download.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            // A download address carries a pre-authenticated token in its query: no framework log may write it.
            .RemoveAllLoggers();
        return services;
    }
}
