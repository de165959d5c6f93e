using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Feedback;

/// <summary>
/// Keeps the questions the bot could not answer (or only partly), for admins; never who asked, and with personal data
/// in the text masked before it is stored (<see cref="KeptQuestion"/>).
/// </summary>
public sealed class UnansweredQuestionLog(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <param name="tenantId">The Entra tenant of the conversation; admins see the questions of their own tenant only.</param>
    /// <param name="partial">The topic was known but not the asked detail.</param>
    public async Task RecordAsync(string question, string tenantId, bool partial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(tenantId);
        var text = KeptQuestion.Mask(question);
        var normalized = ArticleParser.Normalize(text);
        var kept = new UnansweredQuestion
        {
            Text = text,
            NormalizedText = normalized.Length > UnansweredQuestion.MaxLength ? normalized[..UnansweredQuestion.MaxLength] : normalized,
            AskedAt = timeProvider.GetUtcNow(),
            TenantId = tenantId,
            Partial = partial,
        };
        if (TurnWrites.Current is { } turn)
        {
            // Goes with the turn's other writes, in one transaction.
            turn.Add(kept);
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.UnansweredQuestions.Add(kept);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many of the latest questions <see cref="GroupsAsync"/> looks at; older ones age out with retention.</summary>
    public const int GroupingWindow = 5000;

    /// <summary>One tenant's unanswered questions that its admins have not put out of scope, grouped by similar wording, most asked first.</summary>
    public async Task<IReadOnlyList<QuestionGroup>> GroupsAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.UnansweredQuestions.AsNoTracking().Where(q => q.TenantId == tenantId && !q.OutOfScope)
            .OrderByDescending(q => q.Id).Take(GroupingWindow).ToListAsync(cancellationToken);
        return QuestionGroups.Build(latest);
    }

    /// <summary>Puts every question of the tenant worded as one of <paramref name="normalizedTexts"/> out of scope; returns how many.</summary>
    public async Task<int> MarkOutOfScopeAsync(string tenantId, IReadOnlyCollection<string> normalizedTexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(normalizedTexts);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.UnansweredQuestions.Where(q => q.TenantId == tenantId && normalizedTexts.Contains(q.NormalizedText) && !q.OutOfScope)
            .ExecuteUpdateAsync(setters => setters.SetProperty(q => q.OutOfScope, true), cancellationToken);
    }
}
