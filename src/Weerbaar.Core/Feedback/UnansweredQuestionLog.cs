using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Feedback;

/// <summary>Keeps the questions the bot could not answer, for admins; never who asked.</summary>
public sealed class UnansweredQuestionLog(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task RecordAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Length > UnansweredQuestion.MaxLength ? question[..UnansweredQuestion.MaxLength] : question;
        var normalized = ArticleParser.Normalize(text);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.UnansweredQuestions.Add(new UnansweredQuestion
        {
            Text = text,
            NormalizedText = normalized.Length > UnansweredQuestion.MaxLength ? normalized[..UnansweredQuestion.MaxLength] : normalized,
            AskedAt = timeProvider.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
