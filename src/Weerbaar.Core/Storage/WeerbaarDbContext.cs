using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Core.Storage;

/// <summary>
/// The one database context of Weerbaar. Each provider has a subclass that owns its own migrations
/// (EF Core's "migrations with multiple providers"); code elsewhere depends on this base type only.
/// </summary>
public class WeerbaarDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Conversational state items of the bot.</summary>
    public DbSet<StateRecord> StateRecords => Set<StateRecord>();

    /// <summary>Knowledge content (articles, resources catalogue, synonyms).</summary>
    public DbSet<KnowledgeItem> KnowledgeItems => Set<KnowledgeItem>();

    /// <summary>Every version of every knowledge item.</summary>
    public DbSet<KnowledgeItemVersion> KnowledgeItemVersions => Set<KnowledgeItemVersion>();

    /// <summary>The one-row counter of published-knowledge changes.</summary>
    public DbSet<KnowledgeRevision> KnowledgeRevisions => Set<KnowledgeRevision>();

    /// <summary>Who changed which knowledge item, when and why.</summary>
    public DbSet<KnowledgeAuditEntry> KnowledgeAudit => Set<KnowledgeAuditEntry>();

    /// <summary>👍/👎 on answers.</summary>
    public DbSet<AnswerFeedback> AnswerFeedback => Set<AnswerFeedback>();

    /// <summary>Questions the bot could not answer.</summary>
    public DbSet<UnansweredQuestion> UnansweredQuestions => Set<UnansweredQuestion>();

    /// <summary>Gesprekstool sessions.</summary>
    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    /// <summary>Processed session card actions, for deduplication.</summary>
    public DbSet<SessionActionRecord> SessionActions => Set<SessionActionRecord>();

    /// <summary>Session reports behind their links.</summary>
    public DbSet<SessionReportRecord> SessionReports => Set<SessionReportRecord>();

    /// <summary>Follow-up reminders after sessions.</summary>
    public DbSet<FollowUpReminder> FollowUpReminders => Set<FollowUpReminder>();

    /// <summary>Which instance runs which background job (reminders, retention), until when.</summary>
    public DbSet<JobLeaseRecord> JobLeases => Set<JobLeaseRecord>();

    /// <summary>Keys the bot signs its own card data with (the 👍/👎 buttons), shared by every instance.</summary>
    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    /// <summary>Incoming activities already taken on, so a redelivery to any instance is processed once.</summary>
    public DbSet<ProcessedActivityRecord> ProcessedActivities => Set<ProcessedActivityRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StateRecord>(entity =>
        {
            entity.ToTable("state_records");
            entity.HasKey(r => r.Key);
            entity.Property(r => r.Key).HasMaxLength(1024);
            entity.Property(r => r.Document).IsRequired();
            entity.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<KnowledgeItem>(entity =>
        {
            entity.ToTable("knowledge_items");
            entity.HasIndex(i => new { i.Kind, i.Key }).IsUnique();
            entity.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
            entity.Property(i => i.Key).HasMaxLength(100);
            entity.Property(i => i.LastSeedHash).HasMaxLength(64);
            entity.Property(i => i.Version).IsConcurrencyToken();
            entity.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<KnowledgeItemVersion>(entity =>
        {
            entity.ToTable("knowledge_item_versions");
            entity.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
            entity.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(v => v.Author).HasMaxLength(100);
            entity.Property(v => v.ChangeSummary).HasMaxLength(500);
        });

        modelBuilder.Entity<KnowledgeRevision>(entity =>
        {
            entity.ToTable("knowledge_revision");
            entity.Property(r => r.Id).ValueGeneratedNever();
            entity.Property(r => r.Number).IsConcurrencyToken();
        });

        modelBuilder.Entity<AnswerFeedback>(entity =>
        {
            entity.ToTable("answer_feedback");
            entity.HasIndex(f => f.AnswerToken).IsUnique();
            entity.HasIndex(f => f.ArticleId);
            entity.Property(f => f.AnswerToken).HasMaxLength(64);
            entity.Property(f => f.ArticleId).HasMaxLength(100);
            entity.Property(f => f.Comment).HasMaxLength(1000);
            entity.Property(f => f.Question).HasMaxLength(KeptQuestion.MaxLength);
            entity.Property(f => f.TenantId).HasMaxLength(64);
            entity.HasIndex(f => f.TenantId);
        });

        modelBuilder.Entity<JobLeaseRecord>(entity =>
        {
            entity.ToTable("job_leases");
            entity.HasKey(l => l.Job);
            entity.Property(l => l.Job).HasMaxLength(64);
            entity.Property(l => l.Holder).HasMaxLength(100);
        });

        modelBuilder.Entity<SigningKeyRecord>(entity =>
        {
            entity.ToTable("signing_keys");
            entity.HasKey(k => k.Purpose);
            entity.Property(k => k.Purpose).HasMaxLength(64);
        });

        modelBuilder.Entity<ProcessedActivityRecord>(entity =>
        {
            entity.ToTable("processed_activities");
            entity.HasKey(a => a.Key);
            entity.Property(a => a.Key).HasMaxLength(64);
            entity.HasIndex(a => a.ReceivedAt);
        });

        modelBuilder.Entity<SessionRecord>(entity =>
        {
            entity.ToTable("sessions");
            entity.HasKey(r => r.Id);
            entity.HasIndex(r => new { r.ChannelId, r.ConversationId, r.Status });
            entity.Property(r => r.ChannelId).HasMaxLength(64);
            entity.Property(r => r.ConversationId).HasMaxLength(512);
            entity.Property(r => r.ServiceUrl).HasMaxLength(512);
            entity.Property(r => r.TenantId).HasMaxLength(64);
            entity.Property(r => r.SharedCardActivityId).HasMaxLength(256);
            entity.Property(r => r.FacilitatorUserId).HasMaxLength(256);
            entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<SessionActionRecord>(entity =>
        {
            entity.ToTable("session_actions");
            entity.HasKey(r => r.Key);
            entity.Property(r => r.Key).HasMaxLength(200);
            entity.Property(r => r.CardVersion).HasMaxLength(64);
            entity.HasIndex(r => r.CreatedAt);
        });

        modelBuilder.Entity<SessionReportRecord>(entity =>
        {
            entity.ToTable("session_reports");
            entity.HasKey(r => r.Token);
            entity.Property(r => r.Token).HasMaxLength(64);
            entity.HasIndex(r => r.SessionId);
            entity.HasIndex(r => r.ExpiresAt);
        });

        modelBuilder.Entity<FollowUpReminder>(entity =>
        {
            entity.ToTable("follow_up_reminders");
            entity.HasKey(r => r.Id);
            entity.HasIndex(r => r.SessionId).IsUnique();
            entity.HasIndex(r => new { r.Status, r.DueAt });
            entity.HasIndex(r => new { r.ChannelId, r.ConversationId });
            entity.Property(r => r.ChannelId).HasMaxLength(64);
            entity.Property(r => r.ConversationId).HasMaxLength(512);
            entity.Property(r => r.ServiceUrl).HasMaxLength(512);
            entity.Property(r => r.TenantId).HasMaxLength(64);
            entity.Property(r => r.BotId).HasMaxLength(256);
            entity.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        });

        modelBuilder.Entity<KnowledgeAuditEntry>(entity =>
        {
            entity.ToTable("knowledge_audit");
            entity.HasIndex(e => e.At);
            entity.Property(e => e.ActorId).HasMaxLength(100);
            entity.Property(e => e.ActorName).HasMaxLength(100);
            entity.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
            entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            entity.Property(e => e.Key).HasMaxLength(100);
            entity.Property(e => e.Summary).HasMaxLength(500);
        });

        modelBuilder.Entity<UnansweredQuestion>(entity =>
        {
            entity.ToTable("unanswered_questions");
            entity.HasIndex(q => q.AskedAt);
            entity.Property(q => q.Text).HasMaxLength(UnansweredQuestion.MaxLength);
            entity.Property(q => q.NormalizedText).HasMaxLength(UnansweredQuestion.MaxLength);
            entity.Property(q => q.TenantId).HasMaxLength(64);
            entity.HasIndex(q => new { q.TenantId, q.OutOfScope });
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset natively; storing UTC ticks works the same on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}

/// <summary>The SQLite flavour of <see cref="WeerbaarDbContext"/>, with the SQLite migrations.</summary>
public sealed class SqliteWeerbaarDbContext(DbContextOptions options) : WeerbaarDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="WeerbaarDbContext"/>, with the PostgreSQL migrations.</summary>
public sealed class PostgresWeerbaarDbContext(DbContextOptions options) : WeerbaarDbContext(options);
