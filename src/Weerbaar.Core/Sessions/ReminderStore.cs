using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Sessions;

/// <summary>Follow-up reminders in the database: scheduled at the end of a session, sent once when due.</summary>
public sealed class ReminderStore(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>After this many failed deliveries a reminder is given up, so a conversation the bot lost is not tried forever.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Schedules (or moves) the one reminder of a session.</summary>
    public async Task ScheduleAsync(Guid sessionId, SessionPlace place, string botId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var reminder = await db.FollowUpReminders.FirstOrDefaultAsync(r => r.SessionId == sessionId, cancellationToken);
        if (reminder is null)
        {
            reminder = new FollowUpReminder
            {
                Id = Guid.NewGuid(),
                SessionId = sessionId,
                ChannelId = place.ChannelId,
                ConversationId = place.ConversationId,
                ServiceUrl = place.ServiceUrl,
                TenantId = place.TenantId,
                BotId = botId,
                CreatedAt = timeProvider.GetUtcNow(),
            };
            db.FollowUpReminders.Add(reminder);
        }

        reminder.DueAt = dueAt;
        reminder.Status = ReminderStatus.Pending;
        reminder.Attempts = 0;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When the session's follow-up reminder is (or was) due, if the facilitator chose one.</summary>
    public async Task<DateTimeOffset?> DueAtAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.FollowUpReminders.AsNoTracking().Where(r => r.SessionId == sessionId)
            .Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FollowUpReminder>> DueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.FollowUpReminders.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)
            .OrderBy(r => r.DueAt)
            .Take(50)
            .ToListAsync(cancellationToken);
    }

    public Task MarkSentAsync(Guid id, CancellationToken cancellationToken) => SetAsync(id, ReminderStatus.Sent, cancellationToken);

    public Task MarkFailedAsync(Guid id, CancellationToken cancellationToken) => SetAsync(id, ReminderStatus.Failed, cancellationToken);

    /// <summary>Counts a failed attempt; after <see cref="MaxAttempts"/> the reminder is given up.</summary>
    public async Task CountFailureAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.FollowUpReminders.Where(r => r.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.Status, r => r.Attempts + 1 >= MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Pending),
            cancellationToken);
    }

    /// <summary>Forgets everything stored to reach a conversation, when the bot was removed from it.</summary>
    public async Task<int> DropConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.FollowUpReminders.Where(r => r.ChannelId == channelId && r.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SetAsync(Guid id, ReminderStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.FollowUpReminders.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, status), cancellationToken);
    }
}
