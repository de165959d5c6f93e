using System.Diagnostics;
using System.Globalization;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Harness;

/// <summary>
/// <c>bench [--articles N] [--questions FILE]</c>: index build time, answer latency (search, decision and passage,
/// p50/p95) over the evaluation questions, the same for a generated knowledge base of N articles (default 5,000), and
/// peak memory. A benchmark, not a test: timings depend on the machine.
/// </summary>
internal static class BenchCommand
{
    public const string Name = "bench";

    private const string DefaultQuestions = "tests/Weerbaar.Tests/Knowledge/evaluation-questions.yaml";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var articles = int.Parse(Option(args, "--articles") ?? "5000", CultureInfo.InvariantCulture);
        var knowledge = KnowledgeSet.Load(KnowledgeFolder.Read(new KnowledgeOptions().ResolveSeedDirectory(), []), DateOnly.FromDateTime(DateTime.UtcNow)).Set;
        var questions = ReadQuestions(Option(args, "--questions") ?? DefaultQuestions, knowledge);
        await output.WriteLineAsync($"{questions.Count} questions, {knowledge.Articles.Count} real articles, {Environment.ProcessorCount} cores");

        await MeasureAsync("real knowledge", knowledge, questions, output, cancellationToken);
        await MeasureAsync($"generated, {articles} articles", Generate(knowledge, articles), questions, output, cancellationToken);
        using var process = Process.GetCurrentProcess();
        await output.WriteLineAsync($"peak memory (working set): {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return HarnessCommandLine.Success;
    }

    private static async Task MeasureAsync(string label, KnowledgeSet knowledge, IReadOnlyList<string> questions, TextWriter output, CancellationToken cancellationToken)
    {
        var build = Stopwatch.StartNew();
        using var index = KnowledgeIndex.Build(knowledge);
        build.Stop();

        var options = new AnswerOptions();
        foreach (var question in questions)
        {
            Answer(index, question, options); // warm-up: JIT and caches, not measured
        }

        var latencies = new List<double>();
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            Answer(index, question, options);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        await output.WriteLineAsync(
            $"{label}: index build {build.Elapsed.TotalMilliseconds:0} ms, answer latency p50 {Percentile(latencies, 0.50):0.00} ms, p95 {Percentile(latencies, 0.95):0.00} ms, managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB");
    }

    // What the answerer does per question apart from I/O: search, the confidence decision, finding the sentence that
    // answers and composing the passage around it.
    private static void Answer(KnowledgeIndex index, string question, AnswerOptions options)
    {
        var hits = index.Search(question, 6);
        if (hits.Count > 0 && Answerer.IsConfident(hits[0], options))
        {
            var confident = hits.Where(hit => Answerer.IsConfident(hit, options)).ToList();
            if (AnswerSentences.Find(confident, QuestionKinds.Of(question), QuestionKinds.IsStrict(question), options) is AnsweringSentence answering)
            {
                _ = AnswerSentences.Compose(answering, options.PassageWords);
            }
        }
    }

    // Variations of the real articles: sections recombined across articles, titles and questions numbered, so the
    // index grows in vocabulary and size the way a large real knowledge base would.
    private static KnowledgeSet Generate(KnowledgeSet real, int count)
    {
        var files = new List<KnowledgeFile>();
        var source = real.Articles;
        for (var i = 0; i < count; i++)
        {
            var a = source[i % source.Count];
            var b = source[(i * 7 + 3) % source.Count];
            var id = $"{a.Id}-{i}";
            var body = string.Join("\n\n", [a.Lead.Text, .. a.Sections.Skip(1).Select(s => $"## {s.Heading}\n\n{s.Text}"), .. b.Sections.Skip(1).Take(1).Select(s => $"## {s.Heading} {i}\n\n{s.Text}")]);
            var text = $"""
                ---
                id: {id}
                title: "{a.Title} ({i})"
                summary: "{a.Summary.Replace("\"", "'", StringComparison.Ordinal)}"
                tags: [{string.Join(", ", a.Tags.Select(t => $"\"{t}\""))}, "variant{i}"]
                audience: [iedereen]
                questions:
                {string.Join("\n", a.Questions.Select(q => $"  - \"{q.Replace("\"", "'", StringComparison.Ordinal)} {i}\""))}
                sources:
                  - title: bron
                    url: geen
                    publisher: generator
                    date: onbekend
                laatst_gecontroleerd: 2026-01-01
                stand: 2026-01
                status: published
                ---

                {body}
                """;
            files.Add(KnowledgeFile.ForArticle(id, text));
        }

        return KnowledgeSet.Load(files, DateOnly.FromDateTime(DateTime.UtcNow)).Set;
    }

    /// <summary>The <c>- q:</c> lines of the evaluation questions, or the articles' own questions when the file is not there.</summary>
    internal static List<string> ReadQuestions(string path, KnowledgeSet? knowledge)
    {
        if (!File.Exists(path))
        {
            return [.. (knowledge?.Articles ?? []).SelectMany(a => a.Questions)];
        }

        return [.. File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- q: ", StringComparison.Ordinal))
            .Select(line => line[5..].Trim().Trim('"', '\''))];
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
