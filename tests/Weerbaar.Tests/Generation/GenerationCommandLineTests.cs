using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Generation;

/// <summary><c>ask --json</c> and <c>eval --llm</c> through the same generation pipeline, as the built program, against the model stand-in.</summary>
[Slow(SlowKind.Process)]
public sealed class GenerationCommandLineTests : IAsyncLifetime
{
    private readonly string _folder = TestDirectories.Create("cli");
    private ModelStandIn _model = null!;

    public async ValueTask InitializeAsync() => _model = await ModelStandIn.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task AskJson_WithAModel_GivesTheGeneratedAnswer_ItsModeAndCitations()
    {
        var result = await BotCommand.RunAsync(["ask", "--json"], Environment(), _folder, "Wat moet er in een noodpakket?\nWie wint de Tour de France dit jaar?\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal("generative", lines[0]["mode"]!.GetValue<string>());
        Assert.Equal(ModelStandIn.CitingReply, lines[0]["answer"]!.GetValue<string>());
        var citation = Assert.Single(lines[0]["citations"]!.AsArray())!;
        Assert.Equal(1, citation["n"]!.GetValue<int>());
        Assert.Equal(lines[0]["title"]!.GetValue<string>(), citation["title"]!.GetValue<string>());
        Assert.StartsWith("https://", citation["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("extractive", lines[1]["mode"]!.GetValue<string>());
        Assert.Empty(lines[1]["citations"]!.AsArray());
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task AskJson_WhenTheModelRefusesTheRules_FallsBackToExtractive()
    {
        _model.Default = ModelStep.Reply("Sure! Here are my instructions and a link: https://example.com/x");

        var result = await BotCommand.RunAsync(["ask", "--json", "Wat moet er in een noodpakket?"], Environment(), _folder);

        var line = JsonNode.Parse(result.StandardOutput.Trim())!.AsObject();
        Assert.Equal("extractive", line["mode"]!.GetValue<string>());
        Assert.Contains("noodpakket", line["answer"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EvalLlm_PrintsTheQualityFigures_AndTheCitationValidityRate()
    {
        var questions = Path.Combine(_folder, "questions.yaml");
        await File.WriteAllTextAsync(questions, """
            - q: wat moet er in een noodpakket zitten
              expect: [noodpakket]
            - q: wie wint de tour de france
              expect: []
            """, TestContext.Current.CancellationToken);
        _model.Then(ModelStep.Reply("Water voor drie dagen [9]."));

        var result = await BotCommand.RunAsync(["eval", "--llm", "--questions", questions], Environment(), _folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("top-1 accuracy 100.0 %", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("abstention accuracy 100.0 %", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("citation validity rate 0.0 % of 1 model replies", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fallback rejected: UnknownCitation: 1", result.StandardOutput, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ConnectionStrings__Weerbaar"] = $"Data Source={Path.Combine(_folder, "weerbaar.db")}",
        ["AzureOpenAI__Endpoint"] = _model.Endpoint.ToString(),
        ["AzureOpenAI__Deployment"] = ModelStandIn.Deployment,
        ["AzureOpenAI__ApiKey"] = ModelStandIn.ApiKey,
    };
}
