using Weerbaar.Bot.Conversation;

namespace Weerbaar.Bot.Questions;

public static class QuestionServiceCollectionExtensions
{
    /// <summary>
    /// Questions and answers: typed text no command took, the answer cards and their buttons, and Teams' own feedback
    /// on a generated answer.
    /// </summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddSingleton<AnswerCards>();
        services.AddSingleton<AnswerCardSigner>();
        services.AddSingleton<QuestionResponder>();
        services.AddSingleton<ITypedCommandHandler>(sp => sp.GetRequiredService<QuestionResponder>());
        services.AddSingleton<QuestionCardActions>();
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<QuestionCardActions>());
        services.AddSingleton<GeneratedAnswerFeedback>();
        services.AddSingleton<IInvokeHandler>(sp => sp.GetRequiredService<GeneratedAnswerFeedback>());
        return services;
    }
}
