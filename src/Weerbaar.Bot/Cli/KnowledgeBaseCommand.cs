using Microsoft.Extensions.Options;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>kb validate [DIR]</c>: checks knowledge files (default: the seed folder) and lists every problem with file and
/// line, exit code 1 when there are any. <c>kb stats</c>: what is published and what users told us. <c>kb import</c> and
/// <c>kb export</c>: see <see cref="KnowledgeTransferCommand"/>.
/// </summary>
internal static class KnowledgeBaseCommand
{
    public const string Name = "kb";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (args.FirstOrDefault())
        {
            case "validate":
                return await ValidateAsync(args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)), output, error);
            case "stats":
                return await StatsAsync([.. args.Skip(1)], output, cancellationToken);
            case "import":
                return await KnowledgeTransferCommand.ImportAsync([.. args.Skip(1)], output, error, cancellationToken);
            case "export":
                return await KnowledgeTransferCommand.ExportAsync([.. args.Skip(1)], output, error, cancellationToken);
            default:
                await error.WriteLineAsync("Usage: kb validate [DIR] | kb stats | kb import <DIR | file.zip | article.md> | kb export <DIR>");
                return CommandLine.UsageError;
        }
    }

    private static async Task<int> ValidateAsync(string? folder, TextWriter output, TextWriter error)
    {
        var directory = folder ?? new KnowledgeOptions().ResolveSeedDirectory();
        if (!Directory.Exists(directory))
        {
            await error.WriteLineAsync($"Folder not found: {directory}");
            return CommandLine.UsageError;
        }

        var problems = new List<KnowledgeProblem>();
        var files = KnowledgeFolder.Read(directory, problems);
        var load = KnowledgeSet.Load(files, DateOnly.FromDateTime(DateTime.UtcNow));
        problems.AddRange(load.Problems);
        await ProblemLines.WriteAsync(output, problems);

        var set = load.Set;
        await output.WriteLineAsync($"{files.Count} files: {set.Articles.Count} valid articles, {set.Resources.Count} resources, {set.Synonyms.Count} synonym groups, {problems.Count} problems.");
        return problems.Count == 0 ? CommandLine.Success : CommandLine.Failure;
    }

    private static async Task<int> StatsAsync(string[] hostArgs, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(hostArgs, cancellationToken);
        var stats = await host.Services.GetRequiredService<KnowledgeStats>().ReadAsync(cancellationToken);
        await output.WriteLineAsync($"""
            Published articles:    {stats.PublishedArticles}
            Drafts waiting:        {stats.DraftVersions}
            Sources:               {stats.Sources}
            Resources:             {stats.Resources}
            Feedback helpful:      {stats.HelpfulVotes}
            Feedback not helpful:  {stats.UnhelpfulVotes}
            Feedback comments:     {stats.Comments}
            Unanswered questions:  {stats.UnansweredQuestions}
            """);
        await host.StopAsync(cancellationToken);
        return CommandLine.Success;
    }
}
