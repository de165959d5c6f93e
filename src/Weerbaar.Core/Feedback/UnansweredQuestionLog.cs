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

    /// <summary>How many of the latest questions <see cref="GroupsAsync"/> looks at; older ones age out with retention.</summary>
    public const int GroupingWindow = 5000;

    /// <summary>The unanswered questions admins have not put out of scope, grouped by similar wording, most asked first.</summary>
    public async Task<IReadOnlyList<QuestionGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.UnansweredQuestions.AsNoTracking().Where(q => !q.OutOfScope)
            .OrderByDescending(q => q.Id).Take(GroupingWindow).ToListAsync(cancellationToken);
        return QuestionGroups.Build(latest);
    }

    /// <summary>Puts every question worded as one of <paramref name="normalizedTexts"/> out of scope; returns how many.</summary>
    public async Task<int> MarkOutOfScopeAsync(IReadOnlyCollection<string> normalizedTexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedTexts);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnansweredQuestions.Where(q => normalizedTexts.Contains(q.NormalizedText) && !q.OutOfScope)
            .ExecuteUpdateAsync(setters => setters.SetProperty(q => q.OutOfScope, true), cancellationToken);
    }
}
