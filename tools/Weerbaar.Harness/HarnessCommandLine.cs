namespace Weerbaar.Harness;

/// <summary>
/// The harness's verbs: measurements and stress runs against the built bot, for the people who build it.
/// Exit codes: 0 done, 1 the run found a problem or could not run, 2 wrong usage.
/// </summary>
internal static class HarnessCommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    private const string Usage = """
        Usage: Weerbaar.Harness <command> [options]

        Commands:
          bench [--articles N] [--questions FILE]
                                      Measure index build time, answer latency and memory, in this process.
          bench-groups [--questions 5000] [--runs 5]
                                      Measure how long `beheer vragen` takes to group N unanswered questions.
          load [--chats 1,4,16,50] [--runs 5] [--warmup 4000] [--gc server|workstation|conserve|default]
               [--floor sdk|lean]
                                      Weerbaar against the bare Bot Framework echo bot: after --warmup unmeasured
                                      turns per bot, alternating runs per number of concurrent chats, each listed,
                                      the medians and their ratios, memory. Every question must get an answer
                                      card (Weerbaar) or its own text (echo). --floor lean: the echo bot sends
                                      through Weerbaar's leaner connector clients.
          load --scenarios echo,sqlite1,... [--conversations 50] [--turns 10] [--warmup 2]
               [--postgres CONNECTIONSTRING] [--questions FILE]
                                      Load benchmark over HTTP: bot processes, a connector stand-in, concurrent
                                      chats; throughput, p50/p95/p99, errors per scenario (echo: the bare Bot
                                      Framework pipeline; sqlite1, sqlite2, postgres1, postgres2: Weerbaar on 1 or 2
                                      instances; PostgreSQL with --postgres or WEERBAAR_TEST_POSTGRES, an admin
                                      connection string).
          soak [--minutes 30] [--conversations 50] [--postgres CONN]
                                      Mixed traffic (questions, sessions, admin edits) against one bot process;
                                      latency per third of the run and memory at start, middle and end.
          fuzz [--cases N] [--seed S] Post N (10000) seeded malformed activities to a bot process; exit 1 on any
                                      500, an unhealthy process or a failed database integrity check.
          echo-bot [--urls URL] [--lean]
                                      Serve the bare echo bot the load compares with (the load starts it itself).
          help                        Show this text.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Length > 0 ? args[1..] : [];
        switch (verb.ToLowerInvariant())
        {
            case BenchCommand.Name:
                return await BenchCommand.RunAsync(rest, output, cancellationToken);
            case GroupBenchCommand.Name:
                return await GroupBenchCommand.RunAsync(rest, output, error, cancellationToken);
            case LoadCommand.Name:
                return await LoadCommand.RunAsync(rest, output, error, cancellationToken);
            case SoakCommand.Name:
                return await SoakCommand.RunAsync(rest, output, error, cancellationToken);
            case FuzzCommand.Name:
                return await FuzzCommand.RunAsync(rest, output, error, cancellationToken);
            case EchoBot.Verb:
                return await EchoBot.RunAsync(rest);
        }

        if (HelpWords.Contains(verb, StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        await error.WriteLineAsync(verb.Length == 0 ? "Name a command." : $"Unknown command '{verb}'.");
        await error.WriteLineAsync(Usage);
        return UsageError;
    }

    /// <summary>Writes the usage text (for a command's wrong options).</summary>
    public static Task WriteUsageAsync(TextWriter writer) => writer.WriteLineAsync(Usage);

    private static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);
}
