using System.Globalization;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Generation;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>eval [--llm] [--questions FILE]</c>: runs the evaluation questions through the answerer and prints top-1 accuracy,
/// top-3 recall and abstention accuracy. With <c>--llm</c> every answered question also goes to the configured Azure
/// OpenAI deployment, and the generated answers are counted: how many passed the reply check, why the others did not,
/// and the citation validity rate (replies whose citations all point at passages that were sent). Uses a throw-away
/// database, so the unanswered questions of the evaluation never reach the admins' list.
/// </summary>
internal static class EvalCommand
{
    public const string Name = "eval";

    private const string DefaultQuestions = "tests/Weerbaar.Tests/Knowledge/evaluation-questions.yaml";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var llm = args.Contains("--llm", StringComparer.Ordinal);
        var path = ValueOf(args, "--questions") ?? DefaultQuestions;
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Evaluation file not found: {path} (run from the repository root or pass --questions FILE).");
            return CommandLine.UsageError;
        }

        var problems = new List<KnowledgeProblem>();
        var questions = EvaluationQuestion.Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path), problems);
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"{problem.File}:{problem.Line}: {problem.Message}");
        }

        if (problems.Count > 0)
        {
            return CommandLine.Failure;
        }

        var scratch = Directory.CreateTempSubdirectory("weerbaar-eval-");
        try
        {
            var hostArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not "--llm" and not "--questions" && a != path)
                .Append($"--ConnectionStrings:Weerbaar=Data Source={Path.Combine(scratch.FullName, "eval.db")}")
                .Append("--Storage:Provider=Sqlite")
                .ToArray();
            using var host = await CliHost.StartAsync(hostArgs, cancellationToken);
            var generator = host.Services.GetRequiredService<GroundedAnswerer>();
            if (llm && !generator.IsEnabled)
            {
                await error.WriteLineAsync("--llm needs AzureOpenAI:Endpoint and AzureOpenAI:Deployment (and an ApiKey or a managed identity).");
                return CommandLine.UsageError;
            }

            var outcomes = new List<GenerationResult>();
            var report = await AnswerEvaluation.MeasureAsync(
                host.Services.GetRequiredService<Answerer>(),
                host.Services.GetRequiredService<KnowledgeSearch>(),
                questions,
                llm ? async answer => outcomes.Add(await generator.GenerateAsync(answer, userId: null, cancellationToken)) : null,
                cancellationToken);
            await output.WriteLineAsync($"extractive: {report}");
            if (llm)
            {
                await WriteGenerationAsync(output, outcomes);
            }

            await host.StopAsync(cancellationToken);
            return CommandLine.Success;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            scratch.Delete(recursive: true);
        }
    }

    private static async Task WriteGenerationAsync(TextWriter output, List<GenerationResult> outcomes)
    {
        var replies = outcomes.Where(o => o.Outcome is GenerationOutcome.Generated or GenerationOutcome.Rejected).ToList();
        var validCitations = replies.Count(o => o.Verdict is not (ReplyVerdict.NoCitation or ReplyVerdict.UnknownCitation));
        var generated = outcomes.Count(o => o.Outcome == GenerationOutcome.Generated);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generative: {generated} of {outcomes.Count} answered questions got a generated answer ({Share(generated, outcomes.Count)}), citation validity rate {Share(validCitations, replies.Count)} of {replies.Count} model replies"));
        foreach (var group in outcomes.Where(o => o.Outcome != GenerationOutcome.Generated).GroupBy(o => o.Outcome == GenerationOutcome.Rejected ? $"rejected: {o.Verdict}" : o.Outcome.ToString()).OrderByDescending(g => g.Count()))
        {
            await output.WriteLineAsync($"  fallback {group.Key}: {group.Count()}");
        }
    }

    private static string Share(int part, int whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
