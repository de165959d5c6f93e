using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Harness;

/// <summary>The <c>soak</c> verb, run as the built harness for one minute with a few chats: it runs every role and reports.</summary>
[Slow(SlowKind.Soak, SlowKind.Process)]
public sealed class SoakCommandTests
{
    [Fact]
    public async Task Soak_ForAMinute_RunsQuestionsSessionsAndAdminEdits_WithoutErrors_AndReportsMemory()
    {
        var result = await BotCommand.RunAsync(["soak", "--minutes", "1", "--conversations", "12"], new Dictionary<string, string>(), TestDirectories.Create("soak"), program: BotCommand.Harness);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Matches(@"whole run +\d+ turns \((?!0 session)\d+ session, (?!0 admin)\d+ admin\), [\d.]+ turns/s, p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms, errors 0", result.StandardOutput);
        Assert.Matches(@"memory \(resident\): 0\.0 min \d+ MB, 0\.\d min \d+ MB, 1\.\d min \d+ MB", result.StandardOutput);
    }
}
