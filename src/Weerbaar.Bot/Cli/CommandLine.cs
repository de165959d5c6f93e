namespace Weerbaar.Bot.Cli;

/// <summary>
/// Command-line verbs of the bot's executable, run instead of the web host: <c>Weerbaar.Bot manifest --out app.zip</c>.
/// Exit codes: 0 done, 1 the work failed (e.g. the file could not be written), 2 wrong usage or settings.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    private const string Usage = """
        Usage: Weerbaar.Bot [command] [options]
        Without a command the bot's web host starts.

        Commands:
          manifest --out <path.zip>   Build the Teams app package (manifest.json, color.png, outline.png).
          ask [--json] [QUESTION...]  Answer a question (or one per line of standard input) like the bot does;
                                      generated and cited when Azure OpenAI is configured ("mode" in --json).
          eval [--llm] [--questions FILE]
                                      Score the evaluation questions: top-1, top-3, abstention; with --llm also
                                      the generated answers and their citation validity rate.
          kb validate [DIR]           Check knowledge files; lists problems with file and line, exit 1 if any.
          kb stats                    Published articles, sources, feedback and unanswered questions.
          kb import <PATH>            Publish a knowledge folder, a .zip in that layout or one article (.md),
                                      all or nothing; lists problems with file and line, exit 1 if any.
          kb export <DIR>             Write the published knowledge to an empty folder in the knowledge/ layout.
          help                        Show this text.

        Settings for manifest, from appsettings.json, environment variables (Manifest__BotId=...)
        or arguments (--Manifest:BotId=...):
          Manifest:BotId          the bot's Microsoft App ID, a GUID (default: MicrosoftAppId)
          Manifest:AppId          the Teams app id, a GUID (default: the bot id)
          Manifest:DeveloperName  publisher name shown in Teams, at most 32 characters
          Manifest:WebsiteUrl     https URL of the app's website
          Manifest:PrivacyUrl     https URL of the privacy statement
          Manifest:TermsUrl       https URL of the terms of use
          Manifest:Version        app version, major.minor.patch (default: 1.0.0)
        """;

    /// <summary>
    /// True when the first argument names a command (or asks for help). Host arguments stay with the web host:
    /// they start with a dash (<c>--urls ...</c>) or are <c>key=value</c> configuration.
    /// </summary>
    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return false;
        }

        var first = args[0];
        return HelpWords.Contains(first, StringComparer.OrdinalIgnoreCase)
            || (!first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal));
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs the command in <paramref name="args"/>[0], writing to the given streams.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var verb = args.Length > 0 ? args[0] : string.Empty;
        if (HelpWords.Contains(verb, StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        if (string.Equals(verb, ManifestCommand.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await ManifestCommand.RunAsync(args[1..], output, error, cancellationToken);
        }

        if (string.Equals(verb, AskCommand.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await AskCommand.RunAsync(args[1..], Console.In, output, cancellationToken);
        }

        if (string.Equals(verb, EvalCommand.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await EvalCommand.RunAsync(args[1..], output, error, cancellationToken);
        }

        if (string.Equals(verb, KnowledgeBaseCommand.Name, StringComparison.OrdinalIgnoreCase))
        {
            return await KnowledgeBaseCommand.RunAsync(args[1..], output, error, cancellationToken);
        }

        await error.WriteLineAsync($"Unknown command '{verb}'.");
        await error.WriteLineAsync(Usage);
        return UsageError;
    }

    /// <summary>Writes the usage text (for a command's own --help).</summary>
    internal static Task WriteUsageAsync(TextWriter writer) => writer.WriteLineAsync(Usage);
}
