namespace Weerbaar.Bot.Conversation;

/// <summary>The <c>verb</c> values of the Action.Execute buttons on our cards.</summary>
public static class CardVerb
{
    public const string Help = "help";
    public const string Ask = "ask";
    public const string StartSession = "startSession";
    public const string ReadMore = "readMore";
    public const string Helpful = "helpful";
    public const string NotHelpful = "notHelpful";
    public const string FeedbackComment = "feedbackComment";
}
