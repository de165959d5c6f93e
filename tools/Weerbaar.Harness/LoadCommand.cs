using System.Globalization;
using System.Runtime.InteropServices;
using Weerbaar.Harness.Load;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Knowledge;
using Weerbaar.Testing;

namespace Weerbaar.Harness;

/// <summary>
/// <c>load [--chats 1,4,16,50] [--runs 5] [--warmup 4000] [--gc server|workstation|conserve|default] [--floor sdk|lean]</c>:
/// Weerbaar against the bare Bot Framework echo bot as ratios (<see cref="RatioBenchmark"/>), after a warm-up of
/// that many unmeasured turns per bot; <c>--floor lean</c> gives the echo bot Weerbaar's leaner connector clients. With <c>--scenarios LIST</c>:
/// <c>load --scenarios LIST [--conversations N] [--turns N] [--warmup N] [--postgres CONNECTIONSTRING] [--questions FILE]</c>,
/// a load benchmark over real HTTP per scenario. It starts a connector stand-in in this process and bot instances as child
/// processes (the bot built next to the harness), has N personal chats ask questions (and now and then press 👍 on
/// the answer card) concurrently, and prints per scenario the throughput, p50/p95/p99 latency and errors: the floor
/// (<see cref="EchoBot"/>, the bare Bot Framework pipeline), Weerbaar on 1 and 2 instances on SQLite, and on
/// PostgreSQL when an admin connection string is given. A benchmark, not a test: the figures depend on the machine. Exit code 1 when any
/// turn failed or a scenario could not run.
/// </summary>
internal static class LoadCommand
{
    public const string Name = "load";

    /// <summary>Where PostgreSQL scenarios get their admin connection string when --postgres is not given (the tests' variable).</summary>
    public const string PostgresVariable = "WEERBAAR_TEST_POSTGRES";

    private const string DefaultQuestions = "tests/Weerbaar.Tests/Knowledge/evaluation-questions.yaml";
    private const double TargetFactor = 3.0;

    private static readonly Scenario[] AllScenarios =
    [
        new("echo", "echo baseline", Echo: true, Postgres: false, Instances: 1),
        new("sqlite1", "Weerbaar", Echo: false, Postgres: false, Instances: 1),
        new("sqlite2", "Weerbaar", Echo: false, Postgres: false, Instances: 2),
        new("postgres1", "Weerbaar", Echo: false, Postgres: true, Instances: 1),
        new("postgres2", "Weerbaar", Echo: false, Postgres: true, Instances: 2),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var settings, out var problem))
        {
            await error.WriteLineAsync(problem);
            await HarnessCommandLine.WriteUsageAsync(error);
            return HarnessCommandLine.UsageError;
        }

        // Ctrl+C and SIGTERM let the scenario wind down, so its instances are killed and its database dropped.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            if (settings.Ratio is RatioSettings ratio)
            {
                using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
                await using var standIn = await ConnectorStandIn.StartAsync();
                standIn.RecordCalls = false;
                var benchmark = new RatioBenchmark(new LoadRunner(new ConversationInboxes(standIn), http, ReadQuestions(settings.QuestionsFile)), output);
                return await benchmark.RunAsync(ratio.Chats, ratio.Runs, ratio.TurnsPerChat, ratio.WarmupTurns, ratio.Gc, ratio.LeanFloor, cancellation.Token) ? HarnessCommandLine.Success : HarnessCommandLine.Failure;
            }

            return await RunScenariosAsync(settings, output, error, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return HarnessCommandLine.Failure;
        }
    }

    private static async Task<int> RunScenariosAsync(LoadSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var questions = ReadQuestions(settings.QuestionsFile);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"load: {settings.Size.Conversations} concurrent conversations x {settings.Size.Turns} turns per scenario after {settings.Size.WarmupTurns} warm-up turns, every {settings.Size.CardEvery}th turn a 👍 on the last answer card; {questions.Count} questions; {Environment.ProcessorCount} cores"));

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
        await using var standIn = await ConnectorStandIn.StartAsync();
        var runner = new LoadRunner(new ConversationInboxes(standIn), http, questions);
        var results = new List<ScenarioResult>();
        var failed = false;
        foreach (var scenario in settings.Scenarios)
        {
            try
            {
                var result = await RunScenarioAsync(scenario, settings, runner, cancellationToken);
                results.Add(result);
                await output.WriteLineAsync(result.Describe());
                await output.FlushAsync(cancellationToken);
                foreach (var reason in result.ErrorReasons)
                {
                    await error.WriteLineAsync($"{scenario.Name}: {reason}");
                }

                failed |= result.Errors > 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed = true;
                await output.WriteLineAsync($"{scenario.Name,-10} did not run: {exception.GetType().Name}");
                await error.WriteLineAsync($"{scenario.Name}: {exception.Message}");
            }
        }

        await output.WriteLineAsync(CompareWithEcho(results, settings.Size.Conversations));
        return failed ? HarnessCommandLine.Failure : HarnessCommandLine.Success;
    }

    private static async Task<ScenarioResult> RunScenarioAsync(Scenario scenario, LoadSettings settings, LoadRunner runner, CancellationToken cancellationToken)
    {
        await using var database = scenario.Postgres
            ? await TestDatabase.CreatePostgresAsync(settings.PostgresAdmin!, cancellationToken)
            : TestDatabase.CreateSqlite();
        var botSettings = LocalBotSettings.For(database);
        string[] program = scenario.Echo ? [EchoBot.Program, EchoBot.Verb] : ["Weerbaar.Bot.dll"];

        // One after the other: the first applies the migrations and imports the seed, the second finds them done.
        var instances = new List<BotProcess>();
        try
        {
            for (var i = 0; i < scenario.Instances; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                instances.Add(await BotProcess.StartAsync(botSettings, workingDirectory: database.Folder, program: program));
            }

            var (samples, elapsed) = await runner.RunAsync([.. instances.Select(instance => instance.MessagesUrl)], settings.Size, cancellationToken);
            return new ScenarioResult(scenario, database.Provider.ToString(), samples, elapsed);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static string CompareWithEcho(List<ScenarioResult> results, int conversations)
    {
        var echo = results.FirstOrDefault(r => r.Scenario.Echo);
        var ours = results.Where(r => !r.Scenario.Echo).ToList();
        if (echo is null || ours.Count == 0)
        {
            return "target: not compared (needs the echo scenario and at least one Weerbaar scenario)";
        }

        var limit = TargetFactor * echo.QuestionP95;
        var figures = string.Join(", ", ours.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Scenario.Name} {r.QuestionP95:0.0} ms ({(echo.QuestionP95 > 0 ? r.QuestionP95 / echo.QuestionP95 : 0):0.0}x)")));
        var over = ours.Where(r => r.QuestionP95 > limit).Select(r => r.Scenario.Name).ToList();
        var errors = results.Sum(r => r.Errors);
        var verdict = over.Count == 0 && errors == 0
            ? "met"
            : "NOT met (" + string.Join("; ", new[]
            {
                over.Count > 0 ? "over the limit: " + string.Join(", ", over) : null,
                errors > 0 ? $"{errors} errors" : null,
            }.OfType<string>()) + ")";
        return string.Create(CultureInfo.InvariantCulture,
            $"target: question p95 at {conversations} concurrent conversations within {TargetFactor:0}x the echo p95 ({echo.QuestionP95:0.0} ms, limit {limit:0.0} ms), no errors: {figures} -> {verdict}");
    }

    private static List<string> ReadQuestions(string path)
    {
        var knowledge = File.Exists(path)
            ? null
            : KnowledgeSet.Load(KnowledgeFolder.Read(new KnowledgeOptions().ResolveSeedDirectory(), []), DateOnly.FromDateTime(DateTime.UtcNow)).Set;
        var questions = BenchCommand.ReadQuestions(path, knowledge);
        return questions.Count > 0 ? questions : throw new InvalidOperationException($"No questions in {path}.");
    }

    private static bool TryParse(string[] args, out LoadSettings settings, out string problem)
    {
        settings = null!;
        problem = string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--conversations", "--turns", "--warmup", "--scenarios", "--postgres", "--questions", "--chats", "--runs", "--gc", "--floor"];
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i], StringComparer.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"load: unknown option or missing value: '{args[i]}'.";
                return false;
            }

            values[args[i]] = args[++i];
        }

        int Number(string name, int fallback, int min) =>
            values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
            : values.ContainsKey(name) ? -1 : fallback;

        var size = new LoadSize(Number("--conversations", 50, 1), Number("--turns", 10, 1), Number("--warmup", 2, 0));
        if (size.Conversations < 0 || size.Turns < 0 || size.WarmupTurns < 0)
        {
            problem = "load: --conversations and --turns need a whole number of at least 1, --warmup at least 0.";
            return false;
        }

        var postgres = values.GetValueOrDefault("--postgres") ?? Environment.GetEnvironmentVariable(PostgresVariable);
        postgres = string.IsNullOrWhiteSpace(postgres) ? null : postgres;
        List<Scenario> scenarios;
        if (values.TryGetValue("--scenarios", out var names))
        {
            scenarios = [];
            foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (AllScenarios.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not Scenario scenario)
                {
                    problem = $"load: unknown scenario '{name}' (known: {string.Join(", ", AllScenarios.Select(s => s.Name))}).";
                    return false;
                }

                scenarios.Add(scenario);
            }

            if (scenarios.Any(s => s.Postgres) && postgres is null)
            {
                problem = $"load: the PostgreSQL scenarios need --postgres or {PostgresVariable}.";
                return false;
            }
        }
        else
        {
            scenarios = [.. AllScenarios.Where(s => !s.Postgres || postgres is not null)];
        }

        RatioSettings? ratio = null;
        if (!values.ContainsKey("--scenarios"))
        {
            var chats = (values.GetValueOrDefault("--chats") ?? "1,4,16,50").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500 ? n : -1).ToList();
            var runs = Number("--runs", 5, 1);
            var gc = GcMode.All.FirstOrDefault(m => m.Name == (values.GetValueOrDefault("--gc") ?? "default"));
            var floor = values.GetValueOrDefault("--floor") ?? "sdk";
            if (chats.Count == 0 || chats.Contains(-1) || runs < 0 || gc is null || floor is not ("sdk" or "lean"))
            {
                problem = $"load: --chats takes whole numbers from 1 to 500 separated by commas, --runs a whole number of at least 1, --gc one of {string.Join(", ", GcMode.All.Select(m => m.Name))}, --floor sdk or lean.";
                return false;
            }

            var warmupTurns = values.ContainsKey("--warmup") ? size.WarmupTurns : RatioBenchmark.DefaultWarmupTurns;
            ratio = new RatioSettings(chats, runs, values.ContainsKey("--turns") ? size.Turns : null, warmupTurns, gc, LeanFloor: floor == "lean");
        }

        settings = new LoadSettings(size, scenarios, postgres, values.GetValueOrDefault("--questions") ?? DefaultQuestions, ratio);
        return true;
    }

    private sealed record LoadSettings(LoadSize Size, IReadOnlyList<Scenario> Scenarios, string? PostgresAdmin, string QuestionsFile, RatioSettings? Ratio);

    private sealed record RatioSettings(IReadOnlyList<int> Chats, int Runs, int? TurnsPerChat, int WarmupTurns, GcMode Gc, bool LeanFloor);

    private sealed record Scenario(string Name, string Label, bool Echo, bool Postgres, int Instances);

    private sealed class ScenarioResult(Scenario scenario, string provider, IReadOnlyList<TurnSample> samples, TimeSpan elapsed)
    {
        private readonly List<double> _all = [.. samples.Select(s => s.Milliseconds).Order()];
        private readonly List<double> _questions = [.. samples.Where(s => !s.IsCardAction).Select(s => s.Milliseconds).Order()];

        public Scenario Scenario => scenario;

        public int Errors => samples.Count(s => s.Error is not null);

        public double QuestionP95 => Percentile(_questions, 0.95);

        /// <summary>Each kind of error once, with how often it happened.</summary>
        public IEnumerable<string> ErrorReasons => samples.Where(s => s.Error is not null).GroupBy(s => s.Error)
            .Select(g => $"{g.Count()} x {g.Key}");

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Name,-10} {scenario.Label,-13} {scenario.Instances} instance{(scenario.Instances == 1 ? " " : "s")} {provider,-8} {samples.Count} turns ({samples.Count(s => s.IsCardAction)} card actions) in {elapsed.TotalSeconds:0.0} s, {samples.Count / elapsed.TotalSeconds:0.0} turns/s, p50 {Percentile(_all, 0.50):0.0} ms, p95 {Percentile(_all, 0.95):0.0} ms, p99 {Percentile(_all, 0.99):0.0} ms, question p95 {QuestionP95:0.0} ms, errors {Errors}");

        private static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
