using Microsoft.Extensions.Logging;

namespace Weerbaar.Core;

/// <summary>
/// Log messages of the core. Event ids: 1000–1099 answering, 1100–1199 storage. Never log what a user typed:
/// only lengths, counts and ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Question not answered: best coverage {Coverage:0.00} (length {QuestionLength})")]
    public static partial void NotKnown(ILogger logger, double coverage, int questionLength);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Question answered from {ArticleId} (coverage {Coverage:0.00}, context {UsedContext})")]
    public static partial void Answered(ILogger logger, string articleId, double coverage, bool usedContext);
}
