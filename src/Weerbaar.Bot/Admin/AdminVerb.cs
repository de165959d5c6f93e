namespace Weerbaar.Bot.Admin;

/// <summary>The <c>verb</c> values of the admin cards' Action.Execute buttons.</summary>
public static class AdminVerb
{
    public const string Home = "adminHome";
    public const string Search = "adminSearch";
    public const string New = "adminNew";
    public const string NewFromQuestion = "adminNewFromQuestion";
    public const string Edit = "adminEdit";
    public const string Preview = "adminPreview";

    /// <summary>Every acting button of a preview carries this verb: pressing it only says that it is a preview.</summary>
    public const string PreviewButton = "adminPreviewButton";
    public const string Save = "adminSave";
    public const string Publish = "adminPublish";
    public const string Unpublish = "adminUnpublish";
    public const string History = "adminHistory";
    public const string Rollback = "adminRollback";
    public const string Log = "adminLog";
    public const string Questions = "adminQuestions";
    public const string OutOfScope = "adminOutOfScope";
    public const string Feedback = "adminFeedback";
    public const string Blocks = "adminBlocks";
    public const string SaveText = "adminSaveText";
    public const string PublishText = "adminPublishText";

    public static bool IsAdminVerb(string verb) => verb.StartsWith("admin", StringComparison.Ordinal);
}
