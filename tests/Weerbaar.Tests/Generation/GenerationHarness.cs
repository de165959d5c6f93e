using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Weerbaar.Bot.Generation;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Generation;
using Weerbaar.Core.Search;
using Weerbaar.Tests.Knowledge;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Generation;

/// <summary>
/// The generation services as the bot registers them (AddGeneration: the real Azure.AI.OpenAI client, our resilience
/// pipeline), pointed at the model stand-in, and answers found in the repository's knowledge.
/// </summary>
public sealed class GenerationHarness : IDisposable
{
    private static readonly Lazy<KnowledgeIndex> Index = new(() => KnowledgeIndex.Build(RepositoryKnowledge.Load.Set));

    private readonly ServiceProvider _services;

    public GenerationHarness(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddGeneration(configuration);
        _services = services.BuildServiceProvider();
    }

    public LogCapture Logs { get; } = new();

    public GroundedAnswerer Answerer => _services.GetRequiredService<GroundedAnswerer>();

    public IServiceProvider Services => _services;

    /// <summary>The extractive answer to <paramref name="question"/>, as the answerer hands it to the generator.</summary>
    public static Answer AnswerTo(string question)
    {
        var hits = Index.Value.Search(question, 6);
        var options = new AnswerOptions();
        Assert.True(hits.Count > 0 && Weerbaar.Core.Answering.Answerer.IsConfident(hits[0], options), $"the knowledge should answer: {question}");
        return new Answer(AnswerKind.Answered, question)
        {
            Hit = hits[0],
            Supporting = [.. hits.Where(hit => Weerbaar.Core.Answering.Answerer.IsConfident(hit, options))],
            Passage = Passage.Trim(hits[0].Section.Text, options.PassageWords),
        };
    }

    public Task<GenerationResult> GenerateAsync(string question, string userId = "29:user-a") =>
        Answerer.GenerateAsync(AnswerTo(question), userId, TestContext.Current.CancellationToken);

    public void Dispose() => _services.Dispose();
}
