using Microsoft.Extensions.Logging;

namespace Weerbaar.Core;

/// <summary>
/// Log messages of the core. Event ids: 1000–1099 answering, 1200–1299 generated answers. Never log what a user typed:
/// only lengths, counts and ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Question not answered: best coverage {Coverage:0.00} (length {QuestionLength})")]
    public static partial void NotKnown(ILogger logger, double coverage, int questionLength);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Question answered from {ArticleId} (coverage {Coverage:0.00}, context {UsedContext})")]
    public static partial void Answered(ILogger logger, string articleId, double coverage, bool usedContext);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Question partly answered: {ArticleId} covers the topic (coverage {Coverage:0.00}) but no sentence gives the asked detail")]
    public static partial void Partial(ILogger logger, string articleId, double coverage);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Generated answer from {Passages} passages, {Cited} cited ({Length} characters)")]
    public static partial void Generated(ILogger logger, int passages, int cited, int length);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Generated answer refused by the reply check: {Verdict}; the extractive answer is used")]
    public static partial void GenerationRejected(ILogger logger, Generation.ReplyVerdict verdict);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Model call took longer than the budget of {BudgetSeconds} s; the extractive answer is used")]
    public static partial void GenerationTimedOut(ILogger logger, double budgetSeconds);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Model call failed ({ExceptionType}); the extractive answer is used")]
    public static partial void GenerationFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Hourly allowance of generated answers used up for a user; the extractive answer is used")]
    public static partial void GenerationRateLimited(ILogger logger);
}
