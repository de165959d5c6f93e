namespace Weerbaar.Bot;

/// <summary>
/// Log messages of the host. Event ids: 2000–2099 hosting and authentication, 2100–2199 conversation,
/// 2200–2299 storage, 2400–2499 knowledge and retention, 2500–2599 sessions (2510–2519 reminders),
/// 2600–2699 admin (2610–2619 file imports). Never log what a user typed, card input, tokens or names:
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

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Authenticated activity from a tenant outside Bot:AllowedTenants refused with 403")]
    public static partial void TenantRefused(ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "A {ActivityType} activity that was processed before arrived again (redelivery); skipped")]
    public static partial void RedeliverySkipped(ILogger logger, string activityType);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Request body larger than {MaxBytes} bytes refused with 413")]
    public static partial void RequestTooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "A {ActivityType} turn over the per-user or per-conversation rate limit was not processed")]
    public static partial void TurnRateLimited(ILogger logger, string activityType);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Authenticated activity from a channel outside Bot:AllowedChannels refused with 403")]
    public static partial void ChannelRefused(ILogger logger);

    [LoggerMessage(EventId = 2080, Level = LogLevel.Information, Message = "Another instance is migrating the database or importing the seed; waiting up to {Seconds} s for the start-up lock")]
    public static partial void StartupLockWaiting(ILogger logger, int seconds);

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information, Message = "Start-up lock taken after {Milliseconds} ms of waiting")]
    public static partial void StartupLockTaken(ILogger logger, long milliseconds);

    [LoggerMessage(EventId = 2082, Level = LogLevel.Error, Message = "Start-up lock not free within {Seconds} s (Storage:StartupLockWaitSeconds): another instance is still migrating or importing, or hangs while holding it; stopping")]
    public static partial void StartupLockTimedOut(ILogger logger, int seconds);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Turn failed (correlation {CorrelationId}, activity type {ActivityType})")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string correlationId, string activityType);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not tell the user about failed turn {CorrelationId} ({ExceptionType})")]
    public static partial void TurnErrorNotDelivered(ILogger logger, string exceptionType, string correlationId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Card action with an unknown verb (length {VerbLength})")]
    public static partial void UnknownCardVerb(ILogger logger, int verbLength);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Dialog with an unknown name (length {NameLength})")]
    public static partial void UnknownDialog(ILogger logger, int nameLength);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Personal data erased on request: {Contributions} contributions, {Sessions} sessions led, {StateRecords} state records, {AuditEntries} audit entries, {GroupQuestions} group last questions, {CardActions} card actions, {ChatReferences} personal-chat references, {KnowledgeVersions} knowledge versions")]
    public static partial void PersonalDataErased(ILogger logger, int contributions, int sessions, int stateRecords, int auditEntries, int groupQuestions, int cardActions, int chatReferences, int knowledgeVersions);

    [LoggerMessage(EventId = 2400, Level = LogLevel.Warning, Message = "Knowledge not published: {File}:{Line}: {Problem}")]
    public static partial void KnowledgeProblem(ILogger logger, string file, int line, string problem);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Seed file {File} changed but the item was edited by an admin since its last import: the new version waits as a draft")]
    public static partial void SeedWaitsForAdmin(ILogger logger, string file);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Seed imported: {Files} files, {Created} new, {Updated} updated, {Waiting} waiting for an admin, {Problems} problems")]
    public static partial void SeedImported(ILogger logger, int files, int created, int updated, int waiting, int problems);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Search index built: {Articles} articles at knowledge revision {Revision}")]
    public static partial void KnowledgeLoaded(ILogger logger, int articles, long revision);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Warning, Message = "Knowledge refresh failed ({ExceptionType}); the current index keeps serving")]
    public static partial void KnowledgeRefreshFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Retention {Policy}: {Removed} records removed")]
    public static partial void RetentionRan(ILogger logger, string policy, int removed);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Retention {Policy} failed ({ExceptionType})")]
    public static partial void RetentionFailed(ILogger logger, string policy, string exceptionType);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Session {SessionId}: {Verb} {Outcome}")]
    public static partial void SessionAction(ILogger logger, Guid sessionId, string verb, string outcome);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Warning, Message = "Session {SessionId}: the facilitator's membership could not be looked up ({ExceptionType}); take-over not decided")]
    public static partial void RosterLookupFailed(ILogger logger, Guid sessionId, string exceptionType);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Session {SessionId}: the shared card could not be updated ({ExceptionType})")]
    public static partial void SharedCardNotUpdated(ILogger logger, Guid sessionId, string exceptionType);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Warning, Message = "Roster for session {SessionId} unavailable ({ErrorType}); members outside it refresh by hand")]
    public static partial void RosterUnavailable(ILogger logger, Guid sessionId, string errorType);

    [LoggerMessage(EventId = 2660, Level = LogLevel.Information, Message = "Session {SessionId}: time-up line posted for step {StepNumber}")]
    public static partial void TimeUpPosted(ILogger logger, Guid sessionId, int stepNumber);

    [LoggerMessage(EventId = 2661, Level = LogLevel.Warning, Message = "Session {SessionId}: time-up line not posted (status {Status}, {ExceptionType}); given up")]
    public static partial void TimeUpNotPosted(ILogger logger, Guid sessionId, int status, string exceptionType);

    [LoggerMessage(EventId = 2662, Level = LogLevel.Information, Message = "Session {SessionId}: facilitator not found in the roster (status {Status}); time-up line without mention")]
    public static partial void TimeUpMentionUnavailable(ILogger logger, Guid sessionId, int status);

    [LoggerMessage(EventId = 2663, Level = LogLevel.Warning, Message = "Checking for steps whose time is up failed ({ExceptionType})")]
    public static partial void TimeUpCheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2630, Level = LogLevel.Information, Message = "Session dialog {Dialog} refused before reaching the session: {Reason}")]
    public static partial void SessionDialogRefused(ILogger logger, string dialog, string reason);

    [LoggerMessage(EventId = 2510, Level = LogLevel.Information, Message = "Follow-up reminder of session {SessionId} sent")]
    public static partial void ReminderSent(ILogger logger, Guid sessionId);

    [LoggerMessage(EventId = 2511, Level = LogLevel.Warning, Message = "Follow-up reminder of session {SessionId} refused by Teams ({Status}); given up")]
    public static partial void ReminderRefused(ILogger logger, Guid sessionId, int status);

    [LoggerMessage(EventId = 2512, Level = LogLevel.Warning, Message = "Follow-up reminder of session {SessionId} failed ({ExceptionType}); will retry a few times")]
    public static partial void ReminderFailed(ILogger logger, Guid sessionId, string exceptionType);

    [LoggerMessage(EventId = 2513, Level = LogLevel.Warning, Message = "Checking for due reminders failed ({ExceptionType})")]
    public static partial void ReminderCheckFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2514, Level = LogLevel.Information, Message = "Bot removed from a conversation: {Count} stored reminders dropped")]
    public static partial void ConversationForgotten(ILogger logger, int count);

    [LoggerMessage(EventId = 2640, Level = LogLevel.Information, Message = "Setup dialog: {Problem}; answered without starting a session")]
    public static partial void SetupDialogRefused(ILogger logger, string problem);

    [LoggerMessage(EventId = 2540, Level = LogLevel.Warning, Message = "Answer feedback not stored: {Reason}")]
    public static partial void FeedbackRefused(ILogger logger, Weerbaar.Bot.Questions.FeedbackRefusal reason);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    public static partial void DatabaseReady(ILogger logger, string provider);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Database health check failed ({ExceptionType})")]
    public static partial void DatabaseUnreachable(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2600, Level = LogLevel.Warning, Message = "Admin action {Verb} refused: the sender is not an admin or not in a personal chat")]
    public static partial void AdminRefused(ILogger logger, string verb);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Admin action {Verb}: {Outcome}")]
    public static partial void AdminAction(ILogger logger, string verb, string outcome);

    [LoggerMessage(EventId = 2740, Level = LogLevel.Information, Message = "Article dialog {Move}: {Outcome}")]
    public static partial void ArticleDialog(ILogger logger, string move, string outcome);

    [LoggerMessage(EventId = 2610, Level = LogLevel.Warning, Message = "File import refused: {Reason}")]
    public static partial void FileImportRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Warning, Message = "File download refused: {Scheme} address on host {Host}, which Admin:FileDownloadHosts does not allow")]
    public static partial void FileDownloadNotAllowed(ILogger logger, string scheme, string host);

    [LoggerMessage(EventId = 2612, Level = LogLevel.Warning, Message = "File download failed ({Reason})")]
    public static partial void FileDownloadFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2613, Level = LogLevel.Warning, Message = "File download refused: larger than {MaxBytes} bytes")]
    public static partial void FileTooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(EventId = 2614, Level = LogLevel.Information, Message = "File import rejected: {Problems} problems in a {Extension} file of {Bytes} bytes")]
    public static partial void FileImportRejected(ILogger logger, int problems, string extension, int bytes);

    [LoggerMessage(EventId = 2615, Level = LogLevel.Information, Message = "File imported from a {Extension} file of {Bytes} bytes: {Created} created, {Updated} updated, {Unchanged} unchanged")]
    public static partial void FileImported(ILogger logger, string extension, int bytes, int created, int updated, int unchanged);
}
