using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Search;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>The real answerer on this repository's knowledge, with a throw-away database for the questions it keeps.</summary>
public sealed class RepositoryAnswerer : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private RepositoryAnswerer(TestDatabase database, KnowledgeSearch search, Answerer answerer)
    {
        _database = database;
        Search = search;
        Answerer = answerer;
    }

    public KnowledgeSearch Search { get; }

    public Answerer Answerer { get; }

    public static async Task<RepositoryAnswerer> CreateAsync(AnswerOptions? options = null)
    {
        var database = await TestDatabases.CreateAsync(StorageProvider.Sqlite);
        var contexts = await database.MigrateAsync();
        var search = new KnowledgeSearch();
        search.Replace(RepositoryKnowledge.Published);
        var answerer = new Answerer(search, new UnansweredQuestionLog(contexts, TimeProvider.System), Options.Create(options ?? new AnswerOptions()), NullLogger<Answerer>.Instance);
        return new RepositoryAnswerer(database, search, answerer);
    }

    public Task<Answer> AskAsync(string question) => Answerer.AnswerAsync(question, previous: null, tenantId: string.Empty, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Search.Dispose();
        await _database.DisposeAsync();
    }
}
