namespace Weerbaar.Bot.Cards;

/// <summary>The names of the templates in <c>cards/</c> (file name without <c>.json</c>).</summary>
public static class CardName
{
    public const string Welcome = "welcome";
    public const string Help = "help";
    public const string Answer = "answer";
    public const string Article = "article";
    public const string NotKnown = "not-known";
    public const string SessionSetup = "session-setup";
    public const string SessionShared = "session-shared";
    public const string SessionView = "session-view";
    public const string SessionReport = "session-report";
    public const string SessionEnd = "session-end";
    public const string SessionStarted = "session-started";
    public const string DialogSetup = "dialog-setup";
    public const string DialogContribute = "dialog-contribute";
    public const string DialogAgreement = "dialog-agreement";
    public const string DialogDone = "dialog-done";
    public const string DialogVote = "dialog-vote";
    public const string DialogMerge = "dialog-merge";
    public const string AdminHome = "admin-home";
    public const string AdminArticle = "admin-article";
    public const string AdminArticleForm = "admin-article-form";
    public const string DialogArticle = "dialog-article";
    public const string AdminHistory = "admin-history";
    public const string AdminLog = "admin-log";
    public const string AdminQuestions = "admin-questions";
    public const string AdminFeedback = "admin-feedback";
    public const string AdminText = "admin-text";

    /// <summary>Every template the bot uses; all must be embedded.</summary>
    public static IReadOnlyList<string> All { get; } = [Welcome, Help, Answer, Article, NotKnown, SessionSetup, SessionShared, SessionView, SessionReport, SessionEnd, SessionStarted, DialogSetup, DialogContribute, DialogAgreement, DialogDone, DialogVote, DialogMerge, AdminHome, AdminArticle, AdminArticleForm, DialogArticle, AdminText, AdminHistory, AdminLog, AdminQuestions, AdminFeedback];
}
