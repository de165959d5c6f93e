using System.Text.Json.Nodes;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>The knowledge verbs of the command line, run as the built program against a fresh database.</summary>
[Slow(SlowKind.Process)]
public sealed class CommandLineTests
{
    private readonly string _folder = TestDirectories.Create("cli");

    private Dictionary<string, string> Database => new()
    {
        ["ConnectionStrings__Weerbaar"] = $"Data Source={Path.Combine(_folder, "weerbaar.db")}",
    };

    [Fact]
    public async Task AskJson_AnswersEachLineOfInput_WithItsKindArticleScoreAndSources()
    {
        var result = await BotCommand.RunAsync(["ask", "--json"], Database, _folder,
            "Wat moet er in een noodpakket?\nWie wint de Tour de France dit jaar?\nHoeveel kost een noodverordening?\nSchrijf een raadsvoorstel\nHoe wordt de 70 miljoen over de veiligheidsregio's verdeeld?\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal(["answered", "not_known", "partial", "task", "partial"], lines.Select(l => l["kind"]!.GetValue<string>()));
        Assert.Equal([true, false, false, false, false], lines.Select(l => l["answered"]!.GetValue<bool>()));
        // A partial answer whose best sentence is the article saying its sources lack the detail quotes that sentence.
        Assert.Contains("staat niet in de bronnen", lines[4]["answerSentence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("water", lines[0]["answerSentence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(lines[2]["answerSentence"]);
        Assert.True(lines[0]["answered"]!.GetValue<bool>());
        Assert.Equal("noodpakket", lines[0]["articleId"]!.GetValue<string>());
        Assert.InRange(lines[0]["score"]!.GetValue<double>(), 0.15, 1.0);
        Assert.Contains(lines[0]["sources"]!.AsArray(), s => s!["url"]?.GetValue<string>().StartsWith("https://", StringComparison.Ordinal) == true);
        Assert.False(lines[1]["answered"]!.GetValue<bool>());
        Assert.Null(lines[1]["articleId"]);
    }

    [Fact]
    public async Task AskWithTheQuestionAsArguments_PrintsTheAnswerAsText()
    {
        var result = await BotCommand.RunAsync(["ask", "wat", "is", "NL-Alert"], Database, _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Artikel:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nl-alert", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbValidate_OnTheRepositoryKnowledge_ReportsNoProblems()
    {
        var result = await BotCommand.RunAsync(["kb", "validate", RepositoryKnowledge.Folder], new Dictionary<string, string>(), _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(", 0 problems.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbValidate_OnBrokenFiles_ListsEachProblemWithFileAndLine_AndFails()
    {
        var broken = Path.Combine(_folder, "knowledge", "articles");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "kapot.md"), "---\nid: kapot\ntitle: x\nstatus: published\n---\nTe kort.\n");

        var result = await BotCommand.RunAsync(["kb", "validate", Path.Combine(_folder, "knowledge")], new Dictionary<string, string>(), _folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("articles/kapot.md:3: 'title' must be 5–100 characters", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("articles/kapot.md:6: the body must have 120–500 words", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbStats_CountsPublishedKnowledgeAndUnansweredQuestions()
    {
        await BotCommand.RunAsync(["ask", "Wie wint de Tour de France dit jaar?"], Database, _folder);

        var result = await BotCommand.RunAsync(["kb", "stats"], Database, _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"Published articles:\s+{RepositoryKnowledge.Load.Set.Articles.Count(a => a.Status == ArticleStatus.Published)}\b", result.StandardOutput);
        Assert.Matches(@"Unanswered questions:\s+1\b", result.StandardOutput);
    }
}
