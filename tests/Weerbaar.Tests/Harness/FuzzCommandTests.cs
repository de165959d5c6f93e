using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Harness;

/// <summary>The <c>fuzz</c> verb, run as the built harness against a bot process with a few cases.</summary>
[Slow(SlowKind.Soak, SlowKind.Process)]
public sealed class FuzzCommandTests
{
    private readonly string _folder = TestDirectories.Create("fuzz");

    [Fact]
    public async Task Fuzz_WithAFewCases_ReportsStatusesAHealthyProcessAndAnIntactDatabase()
    {
        var result = await BotCommand.RunAsync(["fuzz", "--cases", "60", "--seed", "7"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Matches(@"fuzz seed 7: 60 cases: .*; 0 failures", result.StandardOutput);
        Assert.Contains("process afterwards: up and healthy; database integrity check: ok", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fuzz_WithANonNumber_IsAUsageError()
    {
        var result = await BotCommand.RunAsync(["fuzz", "--cases", "veel"], new Dictionary<string, string>(), _folder, program: BotCommand.Harness);

        Assert.Equal(2, result.ExitCode);
    }
}
