using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>kb import PATH</c>: publishes a folder in the knowledge/ layout, a zip file or one article into the configured
/// database, all or nothing. <c>kb export DIR</c>: writes the published knowledge in the knowledge/ layout, so that
/// <c>kb validate</c> accepts it and importing it again changes nothing.
/// </summary>
internal static class KnowledgeTransferCommand
{
    public static async Task<int> ImportAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (PathArgument(args) is not string source)
        {
            await error.WriteLineAsync("Usage: kb import <DIR | file.zip | article.md>");
            return CommandLine.UsageError;
        }

        var read = await ReadAsync(source, cancellationToken);
        if (read is null)
        {
            await error.WriteLineAsync($"Not found: {source}");
            return CommandLine.UsageError;
        }

        if (!read.IsValid)
        {
            return await ReportAsync(read.Problems, output);
        }

        if (read.Files.Count == 0)
        {
            await output.WriteLineAsync($"No knowledge files in {source}; nothing was imported.");
            return CommandLine.Failure;
        }

        using var host = await CliHost.StartAsync(HostArguments(args), cancellationToken);
        var result = await host.Services.GetRequiredService<KnowledgeImporter>().ImportAsync(read.Files, KnowledgeActor.CommandLine, cancellationToken);
        await host.StopAsync(cancellationToken);
        if (!result.Succeeded)
        {
            return await ReportAsync(result.Problems, output);
        }

        foreach (var path in result.Created)
        {
            await output.WriteLineAsync($"created  {path}");
        }

        foreach (var path in result.Updated)
        {
            await output.WriteLineAsync($"updated  {path}");
        }

        await output.WriteLineAsync($"{result.Created.Count} created, {result.Updated.Count} updated, {result.Unchanged.Count} unchanged.");
        return CommandLine.Success;
    }

    public static async Task<int> ExportAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (PathArgument(args) is not string folder)
        {
            await error.WriteLineAsync("Usage: kb export <DIR>");
            return CommandLine.UsageError;
        }

        // Writing into a folder with other files would mix them with the export, and a later import would publish them.
        if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
        {
            await error.WriteLineAsync($"Not an empty folder: {folder}");
            return CommandLine.UsageError;
        }

        using var host = await CliHost.StartAsync(HostArguments(args), cancellationToken);
        var files = await host.Services.GetRequiredService<KnowledgeEditor>().PublishedFilesAsync(cancellationToken);
        await host.StopAsync(cancellationToken);
        var root = Path.GetFullPath(folder);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            // Keys come from the database; one that would land outside the folder is refused, not written.
            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                await error.WriteLineAsync($"Not written, the path leaves the folder: {file.Path}");
                return CommandLine.Failure;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, file.Text, cancellationToken);
        }

        await output.WriteLineAsync($"{files.Count} files written to {folder}.");
        return CommandLine.Success;
    }

    private static async Task<KnowledgeBundleContent?> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            // All or nothing, as for a zip file: a file left out of the folder is a problem, not a smaller import.
            var problems = new List<KnowledgeProblem>();
            var files = KnowledgeFolder.Read(source, problems);
            return problems.Count > 0 ? new KnowledgeBundleContent([], problems) : new KnowledgeBundleContent(files, []);
        }

        if (!File.Exists(source))
        {
            return null;
        }

        await using var stream = File.OpenRead(source);
        return await KnowledgeBundle.ReadAsync(Path.GetFileName(source), stream, cancellationToken);
    }

    private static async Task<int> ReportAsync(IReadOnlyList<KnowledgeProblem> problems, TextWriter output)
    {
        await ProblemLines.WriteAsync(output, problems);

        await output.WriteLineAsync($"{problems.Count} problems; nothing was imported.");
        return CommandLine.Failure;
    }

    private static string? PathArgument(string[] args) => args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));

    // Options such as --ConnectionStrings:Weerbaar=... configure the host, as for the other verbs.
    private static string[] HostArguments(string[] args) => [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))];
}
