using System.Diagnostics;
using System.Globalization;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Harness;

/// <summary>
/// <c>bench-groups [--questions N] [--runs R]</c>: how long <c>beheer vragen</c> takes to group N stored unanswered
/// questions (default 5,000, the grouping window), the median of R runs after a warm-up. The questions are seeded
/// variations of the knowledge base's own questions and words, so most wordings differ and share some words, the
/// hard case for the grouping. A benchmark, not a test: timings depend on the machine.
/// </summary>
internal static class GroupBenchCommand
{
    public const string Name = "bench-groups";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryCount(args, "--questions", UnansweredQuestionLog.GroupingWindow, out var count) || !TryCount(args, "--runs", 5, out var runs))
        {
            await error.WriteLineAsync("--questions and --runs take a positive whole number.");
            await HarnessCommandLine.WriteUsageAsync(error);
            return HarnessCommandLine.UsageError;
        }

        var knowledge = KnowledgeSet.Load(KnowledgeFolder.Read(new KnowledgeOptions().ResolveSeedDirectory(), []), DateOnly.FromDateTime(DateTime.UtcNow)).Set;
        var questions = Generate(knowledge, count);
        var groups = QuestionGroups.Build(questions); // warm-up: JIT, not measured
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            groups = QuestionGroups.Build(questions);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{questions.Count} questions, {questions.Select(q => q.NormalizedText).Distinct(StringComparer.Ordinal).Count()} distinct wordings, {groups.Count} groups: grouping median {timings[timings.Count / 2]:0.0} ms, fastest {timings[0]:0.0} ms, slowest {timings[^1]:0.0} ms ({runs} runs)"));
        return HarnessCommandLine.Success;
    }

    // A quarter asked again word for word, the rest the knowledge base's questions with about half their words
    // swapped for other words of the knowledge base: related wordings, few of them the same.
    internal static List<UnansweredQuestion> Generate(KnowledgeSet knowledge, int count)
    {
        var random = new Random(17);
        var bases = knowledge.Articles.SelectMany(a => a.Questions).Select(ArticleParser.Normalize).Where(q => q.Length > 0).ToList();
        var vocabulary = knowledge.Articles.SelectMany(a => ArticleParser.Normalize(a.Summary + " " + a.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        var asked = DateTimeOffset.UnixEpoch;
        var questions = new List<UnansweredQuestion>(count);
        for (var i = 0; i < count; i++)
        {
            string text;
            if (questions.Count > 0 && random.Next(4) == 0)
            {
                text = questions[random.Next(questions.Count)].NormalizedText;
            }
            else
            {
                var words = bases[random.Next(bases.Count)].Split(' ');
                text = string.Join(' ', words.Select(w => random.Next(2) == 0 ? vocabulary[random.Next(vocabulary.Count)] : w));
            }

            questions.Add(new UnansweredQuestion { Text = text, NormalizedText = text, AskedAt = asked.AddMinutes(i), Partial = random.Next(5) == 0 });
        }

        return questions;
    }

    private static bool TryCount(string[] args, string name, int fallback, out int value)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(at + 1 < args.Length ? args[at + 1] : null, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }
}
