using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Harness;

/// <summary>The <c>bench-groups</c> verb, run as the built harness with a few questions: it runs and reports, never judges a time.</summary>
[Slow(SlowKind.Process)]
public sealed class GroupBenchCommandTests
{
    private readonly string _folder = TestDirectories.Create("bench-groups");

    [Fact]
    public async Task BenchGroups_WithAFewQuestions_ReportsTheGroupingTime()
    {
        var result = await BotCommand.RunAsync(["bench-groups", "--questions", "300", "--runs", "2"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Matches(@"^300 questions, \d+ distinct wordings, \d+ groups: grouping median [\d.]+ ms", result.StandardOutput);
    }

    [Fact]
    public async Task BenchGroups_WithANonNumber_IsAUsageError()
    {
        var result = await BotCommand.RunAsync(["bench-groups", "--questions", "veel"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.Equal(2, result.ExitCode);
    }
}
