namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>manifest --out &lt;path.zip&gt;</c>: builds the Teams app package from the settings in appsettings.json (next
/// to the binaries, like the web host reads it), environment variables and <c>--Manifest:Key=value</c> arguments.
/// </summary>
public static class ManifestCommand
{
    public const string Name = "manifest";

    private const string OutOption = "--out";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        string? outPath = null;
        var configurationArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                await CommandLine.WriteUsageAsync(output);
                return CommandLine.Success;
            }

            if (arg == OutOption)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return await UsageErrorAsync(error, "--out needs a path, e.g. --out weerbaar-teams.zip.");
                }

                outPath = args[++i];
            }
            else if (arg.StartsWith(OutOption + "=", StringComparison.Ordinal))
            {
                outPath = arg[(OutOption.Length + 1)..];
            }
            else
            {
                configurationArgs.Add(arg);
            }
        }

        if (string.IsNullOrWhiteSpace(outPath))
        {
            return await UsageErrorAsync(error, "Missing --out <path.zip>: where to write the Teams app package.");
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .AddCommandLine([.. configurationArgs])
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            // A malformed argument (e.g. "-x" without a value) or an appsettings.json that is not valid JSON.
            return await UsageErrorAsync(error, ex.Message);
        }

        var settings = ManifestSettings.FromConfiguration(configuration);
        var validation = settings.Validate();
        if (!validation.IsValid)
        {
            foreach (var line in validation.Describe())
            {
                await error.WriteLineAsync(line);
            }

            return CommandLine.UsageError;
        }

        var fullPath = Path.GetFullPath(outPath);
        try
        {
            await ManifestPackager.WritePackageAsync(settings, fullPath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Could not write {fullPath}: {ex.Message}");
            return CommandLine.Failure;
        }

        await output.WriteLineAsync($"Wrote Teams app package {fullPath} (app id {settings.AppId}, bot id {settings.BotId}, version {settings.Version}).");
        return CommandLine.Success;
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync("Run with --help for the usage.");
        return CommandLine.UsageError;
    }
}
