namespace Weerbaar.Bot.Cli;

/// <summary>Command-line verbs of the bot's executable (run instead of the web host).</summary>
public static class CommandLine
{
    public static bool IsVerb(string[] args) => false;

    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
