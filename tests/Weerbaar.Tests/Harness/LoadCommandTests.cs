using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Harness;

/// <summary>
/// The <c>load</c> benchmark verb, run as the built harness with tiny sizes: that it runs its scenarios end to end
/// and reports them. Never its timings, which belong to the machine.
/// </summary>
[Slow(SlowKind.Soak, SlowKind.Process)]
public sealed class LoadCommandTests
{
    private readonly string _folder = TestDirectories.Create("load");

    [Fact]
    public async Task Load_WithTinySizes_ReportsLatencyPercentilesAndNoErrors_PerScenario()
    {
        // Three turns after one warm-up turn: the fourth turn of a chat presses 👍 on the answer card it got.
        var result = await BotCommand.RunAsync(
            ["load", "--conversations", "2", "--turns", "3", "--warmup", "1", "--scenarios", "echo,sqlite1"],
            new Dictionary<string, string>(),
            _folder, program: BotCommand.Harness);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var echo = Assert.Single(lines, line => line.StartsWith("echo ", StringComparison.Ordinal));
        var sqlite = Assert.Single(lines, line => line.StartsWith("sqlite1 ", StringComparison.Ordinal));
        foreach (var line in new[] { echo, sqlite })
        {
            Assert.Matches(@" 6 turns \(\d+ card actions\) in [\d.]+ s, [\d.]+ turns/s, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, question p95 [\d.]+ ms, errors 0$", line);
        }

        Assert.Contains("(2 card actions)", sqlite, StringComparison.Ordinal);
        Assert.Single(lines, line => line.StartsWith("target: question p95 at 2 concurrent conversations", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Load_AgainstTheEchoBot_ListsEveryAlternatingRun_TheMediansTheRatiosAndMemory()
    {
        var result = await BotCommand.RunAsync(["load", "--chats", "1,2", "--runs", "2", "--turns", "3", "--warmup", "8"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^warm-up, not measured \(8 turns each at 4 chats\): echo p50 \d+ ms, p95 \d+ ms, \d+ turns/s \| Weerbaar p50 \d+ ms"));
        foreach (var (chats, run) in new[] { (1, 1), (1, 2), (2, 1), (2, 2) })
        {
            Assert.Single(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"^{chats} chats, run {run}: echo p50 \d+ ms, p95 \d+ ms, \d+ turns/s \| Weerbaar p50 \d+ ms, p95 \d+ ms, \d+ turns/s$"));
        }

        Assert.Single(lines, line => line.StartsWith("2 chats, median: echo p50 ", StringComparison.Ordinal) && line.Contains("x, throughput ", StringComparison.Ordinal));
        Assert.Contains("| concurrent chats | echo p50 / p95 | Weerbaar p50 / p95 | p95 ratio | turns/s echo / Weerbaar | throughput ratio |", lines);
        Assert.Equal(2, lines.Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\| [12] \| \d+ / \d+ ms \| \d+ / \d+ ms \| [\d.]+× \| \d+ / \d+ \| [\d.]+× \|$")));
        Assert.Single(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^resident memory after the 2-chat runs \(GC default\): echo \d+ MB, Weerbaar \d+ MB$"));
        Assert.Contains("target: at 4 and 16 chats Weerbaar's question p95 within 1.5x the echo's and throughput at least 0.7x, no errors -> not judged (run 4 and 16 chats)", lines);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Load_WithAnUnknownScenario_IsAUsageError()
    {
        var result = await BotCommand.RunAsync(["load", "--scenarios", "echo,mysql3"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown scenario 'mysql3'", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_WithAnUnknownFloor_IsAUsageError()
    {
        var result = await BotCommand.RunAsync(["load", "--floor", "bare"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--floor sdk or lean", result.StandardError, StringComparison.Ordinal);
    }
}
