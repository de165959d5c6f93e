using Microsoft.Extensions.Logging;

namespace Weerbaar.Core;

/// <summary>
/// Log messages of the core. Event ids: 1000–1099 answering, 1100–1199 storage. Never log what a user typed:
/// only lengths, counts and ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Question not answered from the knowledge base (length {QuestionLength})")]
    public static partial void QuestionNotKnown(ILogger logger, int questionLength);
}
