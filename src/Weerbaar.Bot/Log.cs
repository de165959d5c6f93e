namespace Weerbaar.Bot;

/// <summary>
/// Log messages of the host. Event ids: 2000–2099 hosting and authentication, 2100–2199 conversation,
/// 2200–2299 storage, 2300–2399 command line. Never log what a user typed, card input, tokens or names:
/// only types, lengths, counts and ids.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "No MicrosoftAppId configured: accepting unauthenticated callers because the environment is Development. Never run like this in production")]
    public static partial void AnonymousCallersAllowed(ILogger logger);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "No MicrosoftAppId configured in environment {Environment}: every call to /api/messages is refused until one is configured")]
    public static partial void EveryCallerRefused(ILogger logger, string environment);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Activity rejected before processing: {Reason}")]
    public static partial void ActivityRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Token metadata could not be fetched ({ExceptionType}); answering 503")]
    public static partial void AuthenticationMetadataUnavailable(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Caller's token rejected ({ExceptionType}); answering 401")]
    public static partial void TokenRejected(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Turn failed (correlation {CorrelationId}, activity type {ActivityType})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string correlationId, string activityType);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not tell the user about failed turn {CorrelationId} ({ExceptionType})")]
    public static partial void TurnErrorNotDelivered(ILogger logger, string exceptionType, string correlationId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Card action with an unknown verb (length {VerbLength})")]
    public static partial void UnknownCardVerb(ILogger logger, int verbLength);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    public static partial void DatabaseReady(ILogger logger, string provider);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Database health check failed ({ExceptionType})")]
    public static partial void DatabaseUnreachable(ILogger logger, string exceptionType);
}
