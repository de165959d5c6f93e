using Weerbaar.Bot.Storage;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Retention;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge base (seeded, versioned), its search, the answerer, feedback and data retention.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<KnowledgeEditor>();
        services.AddSingleton<KnowledgeImporter>();
        services.AddSingleton<KnowledgeRefresher>();
        services.AddSingleton<KnowledgeStats>();
        services.AddSingleton<KnowledgeSearch>();
        services.AddSingleton<UnansweredQuestionLog>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<Answerer>();
        services.AddSingleton<IRetentionPolicy, UnansweredQuestionRetention>();
        services.AddSingleton<IRetentionPolicy, FeedbackCommentRetention>();
        services.AddSingleton<IRetentionPolicy, SessionRetention>();
        services.AddSingleton<IDatabaseSeed, KnowledgeSeedImport>();
        services.AddHostedService<KnowledgeLoader>();
        services.AddHostedService<RetentionJob>();
        return services;
    }
}
