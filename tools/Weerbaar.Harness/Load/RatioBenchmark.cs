using System.Globalization;
using Weerbaar.Testing;

namespace Weerbaar.Harness.Load;

/// <summary>
/// Weerbaar against the floor, as ratios: the bare Bot Framework echo bot and Weerbaar (one instance, SQLite), both
/// started once and warmed up, take turns — echo first in odd runs, Weerbaar first in even ones, so neither always
/// meets a warmer or colder machine — at each number of concurrent chats. Every run is listed; the verdict uses the
/// median of the runs. Question turns only: both bots answer the same messages. Ends with each process's resident
/// memory after the largest load.
/// </summary>
internal sealed class RatioBenchmark(LoadRunner runner, TextWriter output)
{
    /// <summary>The targets of issue 21: Weerbaar's question p95 within 1.5× the echo's, throughput at least 0.7×, at these chat counts.</summary>
    public const double P95Target = 1.5;
    public const double ThroughputTarget = 0.7;
    public static readonly int[] TargetChats = [4, 16];

    /// <summary>
    /// Question turns each bot gets before anything is measured. The runtime keeps recompiling hot methods (tiered
    /// JIT) for about the first 2,500 turns, and Weerbaar has far more code to warm than the echo bot: measured cold,
    /// the first runs compare compilers, not turns.
    /// </summary>
    public const int DefaultWarmupTurns = 4000;
    private const int WarmupChats = 4;

    // About this many measured turns per run, whatever the number of chats: enough for a p95 at one chat.
    private const int TurnsPerRun = 400;
    private const int MinTurnsPerChat = 8;

    /// <param name="warmupTurns">Question turns each bot gets, unmeasured, before the first run.</param>
    /// <param name="leanFloor">The echo bot with Weerbaar's leaner connector clients instead of the SDK's own.</param>
    /// <param name="turnsPerChat">Measured turns per chat in a run; null for about 400 per run whatever the chats.</param>
    /// <returns>Whether every turn was answered (the targets are reported, not the exit code: they depend on the machine).</returns>
    public async Task<bool> RunAsync(IReadOnlyList<int> chatCounts, int runs, int? turnsPerChat, int warmupTurns, GcMode gc, bool leanFloor, CancellationToken cancellationToken)
    {
        await using var database = TestDatabase.CreateSqlite();
        var settings = LocalBotSettings.For(database);
        // One user per chat sends hundreds of turns a minute here; the per-user limit protects real chats, not this.
        settings["Bot:TurnsPerUserPerMinute"] = "10000";
        settings["Bot:TurnsPerConversationPerMinute"] = "100000";
        foreach (var (name, value) in gc.Environment)
        {
            settings[name] = value;
        }

        await using var echo = await BotProcess.StartAsync(settings, workingDirectory: database.Folder, program: leanFloor ? [EchoBot.Program, EchoBot.Verb, EchoBot.LeanOption] : [EchoBot.Program, EchoBot.Verb]);
        await using var weerbaar = await BotProcess.StartAsync(settings, workingDirectory: database.Folder);
        await output.WriteLineAsync($"load: echo (bare Bot Framework{(leanFloor ? ", Weerbaar's connector clients" : string.Empty)}) vs Weerbaar (1 instance, SQLite), question turns only, {runs} alternating runs per row, GC {gc.Name}, {Environment.ProcessorCount} cores");
        if (warmupTurns > 0)
        {
            var warmup = new LoadSize(WarmupChats, Math.Max(1, warmupTurns / WarmupChats), WarmupTurns: 0, CardEvery: int.MaxValue);
            var (echoSamples, echoElapsed) = await runner.RunAsync([echo.MessagesUrl], warmup, cancellationToken);
            var (oursSamples, oursElapsed) = await runner.RunAsync([weerbaar.MessagesUrl], warmup, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"warm-up, not measured ({warmup.Turns * WarmupChats} turns each at {WarmupChats} chats): echo {RunFigures.Of(echoSamples, echoElapsed)} | Weerbaar {RunFigures.Of(oursSamples, oursElapsed)}"));
        }

        var rows = new List<Row>();
        foreach (var chats in chatCounts)
        {
            var size = new LoadSize(chats, turnsPerChat ?? Math.Max(MinTurnsPerChat, TurnsPerRun / chats), WarmupTurns: 2, CardEvery: int.MaxValue);
            var echoRuns = new List<RunFigures>();
            var oursRuns = new List<RunFigures>();
            for (var run = 1; run <= runs; run++)
            {
                var order = run % 2 == 1 ? new[] { (echo, echoRuns), (weerbaar, oursRuns) } : [(weerbaar, oursRuns), (echo, echoRuns)];
                foreach (var (bot, figures) in order)
                {
                    var (samples, elapsed) = await runner.RunAsync([bot.MessagesUrl], size, cancellationToken);
                    figures.Add(RunFigures.Of(samples, elapsed));
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {chats,2} chats, run {run}: echo {echoRuns[^1]} | Weerbaar {oursRuns[^1]}"));
            }

            var row = new Row(chats, RunFigures.Median(echoRuns), RunFigures.Median(oursRuns));
            rows.Add(row);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{chats,2} chats, median: echo {row.Echo} | Weerbaar {row.Ours} | p95 {row.P95Ratio:0.00}x, throughput {row.ThroughputRatio:0.00}x"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| concurrent chats | echo p50 / p95 | Weerbaar p50 / p95 | p95 ratio | turns/s echo / Weerbaar | throughput ratio |");
        await output.WriteLineAsync("| --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Chats} | {row.Echo.P50:0} / {row.Echo.P95:0} ms | {row.Ours.P50:0} / {row.Ours.P95:0} ms | {row.P95Ratio:0.00}× | {row.Echo.TurnsPerSecond:0} / {row.Ours.TurnsPerSecond:0} | {row.ThroughputRatio:0.00}× |"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"resident memory after the {chatCounts[^1]}-chat runs (GC {gc.Name}): echo {Megabytes(echo.ResidentBytes())}, Weerbaar {Megabytes(weerbaar.ResidentBytes())}"));
        var judged = rows.Where(r => TargetChats.Contains(r.Chats)).ToList();
        var errorFree = rows.All(r => r.Echo.Errors + r.Ours.Errors == 0);
        var met = judged.Count > 0 && judged.All(r => r.P95Ratio <= P95Target && r.ThroughputRatio >= ThroughputTarget) && errorFree;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"target: at {string.Join(" and ", TargetChats)} chats Weerbaar's question p95 within {P95Target}x the echo's and throughput at least {ThroughputTarget}x, no errors -> {(met ? "met" : judged.Count == 0 ? "not judged (run 4 and 16 chats)" : "NOT met")}"));
        return errorFree;
    }

    private static string Megabytes(long? bytes) => bytes is long b ? string.Create(CultureInfo.InvariantCulture, $"{b / (1024.0 * 1024):0} MB") : "unknown";

    private sealed record Row(int Chats, RunFigures Echo, RunFigures Ours)
    {
        public double P95Ratio => Echo.P95 > 0 ? Ours.P95 / Echo.P95 : 0;

        public double ThroughputRatio => Echo.TurnsPerSecond > 0 ? Ours.TurnsPerSecond / Echo.TurnsPerSecond : 0;
    }
}

/// <summary>The figures of one run (or the median of several): latency of the question turns, throughput, errors.</summary>
/// <param name="FirstError">What went wrong in the first failed turn, so a run with errors says why.</param>
internal sealed record RunFigures(double P50, double P95, double TurnsPerSecond, int Errors, string? FirstError = null)
{
    public static RunFigures Of(IReadOnlyList<TurnSample> samples, TimeSpan elapsed)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        return new RunFigures(Percentile(sorted, 0.50), Percentile(sorted, 0.95), samples.Count / elapsed.TotalSeconds, samples.Count(s => s.Error is not null),
            samples.FirstOrDefault(s => s.Error is not null)?.Error);
    }

    /// <summary>Each figure's median over the runs (taken per figure, as the runs vary independently).</summary>
    public static RunFigures Median(IReadOnlyList<RunFigures> runs) =>
        new(Middle(runs.Select(r => r.P50)), Middle(runs.Select(r => r.P95)), Middle(runs.Select(r => r.TurnsPerSecond)), runs.Sum(r => r.Errors),
            runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0} ms, p95 {P95:0} ms, {TurnsPerSecond:0} turns/s{(Errors > 0 ? $", {Errors} errors (first: {FirstError})" : string.Empty)}");

    private static double Middle(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>The garbage collector both processes run with, set through the runtime's environment variables.</summary>
internal sealed record GcMode(string Name, IReadOnlyDictionary<string, string?> Environment)
{
    public static readonly GcMode[] All =
    [
        new("server", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "1" }),
        new("workstation", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "0" }),
        new("conserve", new Dictionary<string, string?> { ["DOTNET_gcServer"] = "1", ["DOTNET_GCConserveMemory"] = "7" }),
        new("default", new Dictionary<string, string?>()),
    ];
}
