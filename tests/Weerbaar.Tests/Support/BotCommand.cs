using System.Diagnostics;

namespace Weerbaar.Tests.Support;

/// <summary>The outcome of a command-line run of the bot.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs a command-line verb of the built bot (<c>dotnet Weerbaar.Bot.dll VERB …</c>), or of the harness
/// (<see cref="Harness"/>), as its own process.
/// </summary>
public static class BotCommand
{
    public const string Bot = "Weerbaar.Bot.dll";
    public const string Harness = "Weerbaar.Harness.dll";

    public static async Task<CommandResult> RunAsync(
        IEnumerable<string> args,
        IDictionary<string, string> environment,
        string workingDirectory,
        string? standardInput = null,
        Func<string, bool>? dropVariable = null,
        string program = Bot)
    {
        var start = new ProcessStartInfo(
            BotProcess.DotnetHost,
            [Path.Combine(AppContext.BaseDirectory, program), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };

        // Only the settings of the test count: drop those the machine running the tests happens to have.
        foreach (var key in start.Environment.Keys.Where(key => dropVariable?.Invoke(key) == true).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }
}
