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
    public async Task Load_WithAnUnknownScenario_IsAUsageError()
    {
        var result = await BotCommand.RunAsync(["load", "--scenarios", "echo,mysql3"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown scenario 'mysql3'", result.StandardError, StringComparison.Ordinal);
    }
}
