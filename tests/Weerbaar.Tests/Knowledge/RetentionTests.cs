using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Retention;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Knowledge;

/// <summary>Unanswered questions and feedback comments are removed when their retention period ends; the anonymous vote stays.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task ExpiredQuestionsAndComments_AreRemoved_RecentOnesStay()
    {
        await using var database = await TestDatabases.CreateAsync(StorageProvider.Sqlite);
        var contexts = await database.MigrateAsync();
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        await using (var db = contexts.CreateDbContext())
        {
            db.UnansweredQuestions.AddRange(
                new UnansweredQuestion { Text = "oud", NormalizedText = "oud", AskedAt = now.AddDays(-181) },
                new UnansweredQuestion { Text = "nieuw", NormalizedText = "nieuw", AskedAt = now.AddDays(-1) });
            db.AnswerFeedback.AddRange(
                new AnswerFeedback { AnswerToken = "a", ArticleId = "noodpakket", ArticleVersion = 1, Helpful = false, Comment = "oud commentaar", Question = "oude vraag", CreatedAt = now.AddDays(-200), UpdatedAt = now.AddDays(-200) },
                new AnswerFeedback { AnswerToken = "b", ArticleId = "noodpakket", ArticleVersion = 1, Helpful = false, Comment = "nieuw commentaar", Question = "nieuwe vraag", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var options = Options.Create(new RetentionOptions());
        IRetentionPolicy[] policies = [new UnansweredQuestionRetention(contexts, options), new FeedbackCommentRetention(contexts, options)];
        var removed = 0;
        foreach (var policy in policies)
        {
            removed += await policy.PurgeAsync(now, CancellationToken.None);
        }

        Assert.Equal(2, removed);
        await using var check = contexts.CreateDbContext();
        Assert.Equal(["nieuw"], await check.UnansweredQuestions.Select(q => q.Text).ToListAsync());
        var feedback = await check.AnswerFeedback.OrderBy(f => f.AnswerToken).ToListAsync();
        Assert.Equal(2, feedback.Count);
        Assert.Null(feedback[0].Comment);
        Assert.Null(feedback[0].Question);
        Assert.Equal("nieuw commentaar", feedback[1].Comment);
        Assert.Equal("nieuwe vraag", feedback[1].Question);
    }

    [Fact]
    public async Task FinishedSessionsExpiredReportsAndOldActionRecords_AreRemoved_OpenSessionsStay()
    {
        await using var database = await TestDatabases.CreateAsync(StorageProvider.Sqlite);
        var contexts = await database.MigrateAsync();
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        await using (var db = contexts.CreateDbContext())
        {
            foreach (var (status, age) in new[] { (SessionStatus.Completed, 400), (SessionStatus.Running, 400), (SessionStatus.Completed, 10) })
            {
                db.Sessions.Add(new SessionRecord { Id = Guid.NewGuid(), ChannelId = "msteams", ConversationId = "c", ServiceUrl = "http://x/", Status = status, State = "{}", CreatedAt = now.AddDays(-age), UpdatedAt = now.AddDays(-age) });
            }

            db.SessionReports.Add(new SessionReportRecord { Token = "expired-token-0000", SessionId = Guid.NewGuid(), Markdown = "m", Html = "h", CreatedAt = now.AddDays(-40), ExpiresAt = now.AddDays(-10) });
            db.SessionActions.Add(new SessionActionRecord { Key = "old", SessionId = Guid.NewGuid(), Decision = "{}", CardVersion = "v", CreatedAt = now.AddDays(-2) });
            await db.SaveChangesAsync();
        }

        var removed = await new SessionRetention(contexts, Options.Create(new RetentionOptions())).PurgeAsync(now, CancellationToken.None);

        Assert.Equal(3, removed);
        await using var check = contexts.CreateDbContext();
        Assert.Equal(2, await check.Sessions.CountAsync());
        Assert.Empty(await check.SessionReports.ToListAsync());
        Assert.Empty(await check.SessionActions.ToListAsync());
    }
}
