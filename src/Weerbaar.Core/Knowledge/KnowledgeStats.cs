using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Knowledge;

/// <summary>Counts for <c>kb stats</c>: what is published, and what users told us.</summary>
public sealed record KnowledgeStatistics(
    int PublishedArticles,
    int DraftVersions,
    int Sources,
    int Resources,
    int HelpfulVotes,
    int UnhelpfulVotes,
    int Comments,
    int UnansweredQuestions);

/// <summary>Reads <see cref="KnowledgeStatistics"/> from the database.</summary>
public sealed class KnowledgeStats(IDbContextFactory<WeerbaarDbContext> contextFactory, KnowledgeStore store)
{
    public async Task<KnowledgeStatistics> ReadAsync(CancellationToken cancellationToken)
    {
        var (published, _) = await store.LoadPublishedAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var articles = published.Set.Articles.Where(a => a.Status == ArticleStatus.Published).ToList();
        return new KnowledgeStatistics(
            articles.Count,
            await db.KnowledgeItemVersions.CountAsync(v => v.Status == KnowledgeVersionStatus.Draft, cancellationToken),
            articles.SelectMany(a => a.Sources).Select(s => s.Url ?? s.Title).Distinct(StringComparer.Ordinal).Count(),
            published.Set.Resources.Count,
            await db.AnswerFeedback.CountAsync(f => f.Helpful, cancellationToken),
            await db.AnswerFeedback.CountAsync(f => !f.Helpful, cancellationToken),
            await db.AnswerFeedback.CountAsync(f => f.Comment != null, cancellationToken),
            await db.UnansweredQuestions.CountAsync(cancellationToken));
    }
}
