using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// A knowledge problem at the command line: the technical line (file, line, English, for the developer who fixes the
/// file) and under it the Dutch sentence an admin reads in Teams, so the editor who runs <c>kb</c> reads it too.
/// </summary>
internal static class ProblemLines
{
    public static async Task WriteAsync(TextWriter output, IEnumerable<KnowledgeProblem> problems)
    {
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.ToString());
            if (ProblemTexts.Known(problem) is string dutch)
            {
                await output.WriteLineAsync("    " + dutch);
            }
        }
    }
}
