using Microsoft.Extensions.Hosting;
using Weerbaar.Bot.Generation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Bot.Storage;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// The bot's services without the web host, for command-line verbs: the same configuration, database, seed import
/// and search as the running bot. Logs go to standard error, so standard output carries only the verb's result.
/// </summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only warnings and errors, on standard error: the verb's own output stays machine-readable.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddWeerbaarStorage(builder.Configuration);
        builder.Services.AddKnowledge();
        builder.Services.AddGeneration(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
