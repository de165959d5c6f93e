using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Retention;

/// <summary>Deletes unanswered questions older than <see cref="RetentionOptions.UnansweredQuestionDays"/>.</summary>
public sealed class UnansweredQuestionRetention(IDbContextFactory<WeerbaarDbContext> contextFactory, IOptions<RetentionOptions> options) : IRetentionPolicy
{
    public string Name => "unanswered-questions";

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-options.Value.UnansweredQuestionDays);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnansweredQuestions.Where(q => q.AskedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// Removes feedback comments, and the question each was about, older than <see cref="RetentionOptions.FeedbackCommentDays"/>;
/// the anonymous vote stays.
/// </summary>
public sealed class FeedbackCommentRetention(IDbContextFactory<WeerbaarDbContext> contextFactory, IOptions<RetentionOptions> options) : IRetentionPolicy
{
    public string Name => "feedback-comments";

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-options.Value.FeedbackCommentDays);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AnswerFeedback.Where(f => (f.Comment != null || f.Question != null) && f.UpdatedAt < cutoff)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.Comment, (string?)null).SetProperty(f => f.Question, (string?)null), cancellationToken);
    }
}
