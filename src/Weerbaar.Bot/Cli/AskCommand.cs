using System.Text.Json;
using System.Text.Json.Nodes;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Generation;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>ask [--json] [QUESTION…]</c>: answers a question through the same pipeline as the bot (database, seed, search,
/// answerer, and the generated answer when Azure OpenAI is configured), without the web host. Without a question it
/// answers one question per line of standard input.
/// </summary>
internal static class AskCommand
{
    public const string Name = "ask";

    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json", StringComparer.Ordinal);
        var words = args.Where(a => a != "--json" && !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var hostArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--json").ToArray();
        using var host = await CliHost.StartAsync(hostArgs, cancellationToken);
        var answerer = host.Services.GetRequiredService<Answerer>();
        var generator = host.Services.GetRequiredService<GroundedAnswerer>();

        var questions = words.Count > 0 ? [string.Join(' ', words)] : ReadLines(input);
        foreach (var question in questions)
        {
            var answer = await answerer.AnswerAsync(question, previous: null, tenantId: string.Empty, cancellationToken);
            var generated = answer.Kind == AnswerKind.Answered && generator.IsEnabled
                ? (await generator.GenerateAsync(answer, userId: null, cancellationToken)).Answer
                : null;
            await output.WriteLineAsync(json ? AsJson(answer, generated) : AsText(answer, generated));
        }

        await host.StopAsync(cancellationToken);
        return CommandLine.Success;
    }

    private static IEnumerable<string> ReadLines(TextReader input)
    {
        while (input.ReadLine() is string line)
        {
            if (line.Trim().Length > 0)
            {
                yield return line;
            }
        }
    }

    private static string AsJson(Answer answer, GeneratedAnswer? generated)
    {
        var hit = answer.Kind == AnswerKind.Answered ? answer.Hit : null;
        var result = new JsonObject
        {
            ["question"] = answer.Question,
            ["answered"] = hit is not null,
            ["kind"] = answer.Kind.Label(),
            ["answerSentence"] = answer.Kind is AnswerKind.Answered or AnswerKind.Partial ? answer.AnswerSentence : null,
            ["mode"] = generated is null ? "extractive" : "generative",
            ["answer"] = generated?.Text ?? answer.Passage,
            ["articleId"] = hit?.Article.Id,
            ["title"] = hit?.Article.Title,
            ["score"] = hit is null ? null : Math.Round(hit.Coverage, 3),
            ["sources"] = new JsonArray([.. (hit?.Article.Sources ?? []).Select(s => (JsonNode)new JsonObject { ["title"] = s.Title, ["url"] = s.Url })]),
            ["citations"] = new JsonArray([.. (generated?.Cited ?? []).Select(p => (JsonNode)new JsonObject { ["n"] = p.Number, ["title"] = p.Article.Title, ["url"] = p.Url })]),
        };
        return result.ToJsonString(JsonLines);
    }

    private static string AsText(Answer answer, GeneratedAnswer? generated) => answer.Kind switch
    {
        AnswerKind.Answered when generated is not null => $"""
            Vraag: {answer.Question}
            Gegenereerd antwoord (AI):
            {generated.Text}
            Citaties: {string.Join("; ", generated.Cited.Select(p => $"[{p.Number}] {p.Article.Title}{(p.Url is null ? string.Empty : $" <{p.Url}>")}"))}

            """,
        AnswerKind.Answered => $"""
            Vraag: {answer.Question}
            Artikel: {answer.Hit!.Article.Title} ({answer.Hit.Article.Id}, score {answer.Hit.Coverage:0.00})
            {answer.Passage}
            Bronnen: {string.Join("; ", answer.Hit.Article.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>"))}

            """,
        AnswerKind.Partial => $"""
            Vraag: {answer.Question}
            Over dit onderwerp weet ik iets, maar niet wat u precies vraagt.{(answer.AnswerSentence is string gap ? $" In mijn kennisbank staat hierover: {gap}" : string.Empty)}
            Wel bekend: {string.Join("; ", answer.Nearest.Select(a => a.Title))}

            """,
        AnswerKind.NotKnown => $"""
            Vraag: {answer.Question}
            Dat weet ik niet zeker. Dichtstbijzijnde onderwerpen: {string.Join("; ", answer.Nearest.Select(a => a.Title))}

            """,
        _ => $"Vraag: {answer.Question}\n({answer.Kind}{(answer.SmallTalk is { } kind ? ": " + kind : string.Empty)})\n",
    };
}
