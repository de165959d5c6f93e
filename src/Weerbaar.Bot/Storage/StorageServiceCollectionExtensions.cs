using Microsoft.Bot.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database (SQLite by default, PostgreSQL when configured), its migrations, and bot state on it.</summary>
    public static IServiceCollection AddWeerbaarStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure(options =>
            {
                var connectionString = configuration.GetConnectionString("Weerbaar");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    options.ConnectionString = connectionString;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDbContextFactory<WeerbaarDbContext>, WeerbaarDbContextFactory>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<JobLease>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<ProcessedActivities>();
        services.AddSingleton<Weerbaar.Core.Retention.IRetentionPolicy, ProcessedActivityRetention>();
        services.AddSingleton<IStorage, EfBotStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<StartupLock>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
