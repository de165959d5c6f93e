using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Privacy;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Feedback;

/// <summary>
/// Stores 👍/👎 on answers and the optional comment, per answer card (a repeated click or a changed mind updates the
/// same record), never with a user id.
/// </summary>
public sealed class FeedbackStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public const int MaxCommentLength = 1000;

    /// <param name="tenantId">The Entra tenant of the conversation; admins see the feedback of their own tenant only.</param>
    public async Task RecordVoteAsync(string answerToken, string articleId, int articleVersion, bool helpful, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(answerToken);
        ArgumentException.ThrowIfNullOrEmpty(articleId);
        var now = timeProvider.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.AnswerFeedback.FirstOrDefaultAsync(f => f.AnswerToken == answerToken, cancellationToken);
            if (existing is null)
            {
                db.AnswerFeedback.Add(new AnswerFeedback
                {
                    AnswerToken = answerToken,
                    ArticleId = articleId,
                    ArticleVersion = articleVersion,
                    Helpful = helpful,
                    TenantId = tenantId,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            else
            {
                existing.Helpful = helpful;
                existing.UpdatedAt = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // A double click raced us to the insert; the second pass updates the record the first one made.
            }
        }
    }

    /// <summary>
    /// Adds the "wat miste je?" comment to the vote of the same card, with the question the answer was for (masked
    /// like unanswered questions; empty when it is not known); false when there is no vote to add it to.
    /// </summary>
    public async Task<bool> RecordCommentAsync(string answerToken, string comment, string question, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(answerToken);
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(question);
        // The comment is kept without who wrote it; personal data typed into it would link it to someone after all.
        var text = PersonalDataMask.Apply(comment.Trim());
        if (text.Length > MaxCommentLength)
        {
            text = text[..MaxCommentLength];
        }

        var asked = question.Trim().Length == 0 ? null : KeptQuestion.Mask(question.Trim());
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.AnswerFeedback.Where(f => f.AnswerToken == answerToken).ExecuteUpdateAsync(
            set => set.SetProperty(f => f.Comment, text).SetProperty(f => f.Question, asked).SetProperty(f => f.UpdatedAt, timeProvider.GetUtcNow()),
            cancellationToken);
        return updated > 0;
    }

    /// <summary>Per article the 👍 and 👎 of one tenant and its latest comments, the largest share of 👎 first.</summary>
    public async Task<IReadOnlyList<ArticleFeedback>> PerArticleAsync(string tenantId, int commentsPerArticle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var votes = await db.AnswerFeedback.AsNoTracking().Where(v => v.TenantId == tenantId).ToListAsync(cancellationToken);
        return [.. votes.GroupBy(v => v.ArticleId, StringComparer.Ordinal)
            .Select(g => new ArticleFeedback(
                g.Key,
                g.Count(v => v.Helpful),
                g.Count(v => !v.Helpful),
                [.. g.Where(v => !string.IsNullOrWhiteSpace(v.Comment)).OrderByDescending(v => v.UpdatedAt).Take(commentsPerArticle)
                    .Select(v => new FeedbackComment(v.Comment!, v.Question ?? string.Empty))]))
            .OrderByDescending(a => a.NotHelpfulShare).ThenByDescending(a => a.NotHelpful).ThenBy(a => a.ArticleId, StringComparer.Ordinal)];
    }
}

/// <summary>What users said about one article's answers.</summary>
public sealed record ArticleFeedback(string ArticleId, int Helpful, int NotHelpful, IReadOnlyList<FeedbackComment> Comments)
{
    public double NotHelpfulShare => Helpful + NotHelpful == 0 ? 0 : (double)NotHelpful / (Helpful + NotHelpful);
}

/// <summary>A "wat miste je?" comment and the question it was about (masked; empty for comments kept before questions were).</summary>
public sealed record FeedbackComment(string Text, string Question);
