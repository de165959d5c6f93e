using System.Text.Json;
using System.Text.Json.Nodes;
using Weerbaar.Core.Answering;

namespace Weerbaar.Bot.Cli;

/// <summary>
/// <c>ask [--json] [QUESTION…]</c>: answers a question through the same pipeline as the bot (database, seed, search,
/// answerer), without the web host. Without a question it answers one question per line of standard input.
/// </summary>
internal static class AskCommand
{
    public const string Name = "ask";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var json = args.Contains("--json", StringComparer.Ordinal);
        var words = args.Where(a => a != "--json" && !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var hostArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--json").ToArray();
        using var host = await CliHost.StartAsync(hostArgs, cancellationToken);
        var answerer = host.Services.GetRequiredService<Answerer>();

        var questions = words.Count > 0 ? [string.Join(' ', words)] : ReadLines(input);
        foreach (var question in questions)
        {
            var answer = await answerer.AnswerAsync(question, previous: null, cancellationToken);
            await output.WriteLineAsync(json ? AsJson(answer) : AsText(answer));
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

    private static string AsJson(Answer answer)
    {
        var hit = answer.Kind == AnswerKind.Answered ? answer.Hit : null;
        var result = new JsonObject
        {
            ["question"] = answer.Question,
            ["answered"] = hit is not null,
            ["answer"] = answer.Passage,
            ["articleId"] = hit?.Article.Id,
            ["title"] = hit?.Article.Title,
            ["score"] = hit is null ? null : Math.Round(hit.Coverage, 3),
            ["sources"] = new JsonArray([.. (hit?.Article.Sources ?? []).Select(s => (JsonNode)new JsonObject { ["title"] = s.Title, ["url"] = s.Url })]),
        };
        return result.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string AsText(Answer answer) => answer.Kind switch
    {
        AnswerKind.Answered => $"""
            Vraag: {answer.Question}
            Artikel: {answer.Hit!.Article.Title} ({answer.Hit.Article.Id}, score {answer.Hit.Coverage:0.00})
            {answer.Passage}
            Bronnen: {string.Join("; ", answer.Hit.Article.Sources.Select(s => s.Url is null ? s.Title : $"{s.Title} <{s.Url}>"))}

            """,
        AnswerKind.NotKnown => $"""
            Vraag: {answer.Question}
            Dat weet ik niet zeker. Dichtstbijzijnde onderwerpen: {string.Join("; ", answer.Nearest.Select(a => a.Title))}

            """,
        _ => $"Vraag: {answer.Question}\n({answer.Kind}{(answer.SmallTalk is { } kind ? ": " + kind : string.Empty)})\n",
    };
}
