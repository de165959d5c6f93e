using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>What the answerer made of a message.</summary>
public enum AnswerKind
{
    /// <summary>A sentence of an article gives the asked detail.</summary>
    Answered,

    /// <summary>The knowledge covers the topic but no sentence gives the asked detail: the bot says so and offers the article.</summary>
    Partial,

    /// <summary>A request for work the bot does not do ("schrijf een raadsvoorstel"): a short reply saying what it does.</summary>
    Task,

    /// <summary>Nothing in the knowledge answers it with enough confidence: the bot says so and offers the nearest topics.</summary>
    NotKnown,

    /// <summary>A greeting, thanks or a question about the bot itself: a short polite reply.</summary>
    SmallTalk,

    /// <summary>No words at all (only spaces, emoji or a mention).</summary>
    Empty,
}

/// <summary>The names of <see cref="AnswerKind"/> outside the code: metric labels and <c>ask --json</c>.</summary>
public static class AnswerKindLabels
{
    public static string Label(this AnswerKind kind) => kind switch
    {
        AnswerKind.Answered => "answered",
        AnswerKind.Partial => "partial",
        AnswerKind.Task => "task",
        AnswerKind.NotKnown => "not_known",
        AnswerKind.SmallTalk => "small_talk",
        _ => "empty",
    };
}

/// <summary>The kinds of small talk the bot replies to.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Goodbye,
    AboutTheBot,

    /// <summary>A request for the bot's opinion; it gives facts with sources, not opinions.</summary>
    Opinion,
}

/// <summary>The answer to one message.</summary>
public sealed record Answer(AnswerKind Kind, string Question)
{
    /// <summary>The question was longer than the limit and only its start was read.</summary>
    public bool Truncated { get; init; }

    /// <summary>The article found (when answered).</summary>
    public SearchHit? Hit { get; init; }

    /// <summary>Every hit above the confidence threshold, best first (the first is <see cref="Hit"/>): what a generated answer may draw on.</summary>
    public IReadOnlyList<SearchHit> Supporting { get; init; } = [];

    /// <summary>
    /// What the answer card shows (Markdown): the answering sentence(s) first, the answering phrase in bold, then context
    /// from the same section up to the passage budget.
    /// </summary>
    public string? Passage { get; init; }

    /// <summary>The sentence(s) that answer, as plain text: what the card shows first.</summary>
    public string? AnswerSentence { get; init; }

    /// <summary>The index of the section of <see cref="Hit"/>'s article that the answering sentence stands in.</summary>
    public int Section { get; init; }

    /// <summary>The kind of detail the question asks for.</summary>
    public QuestionKind QuestionKind { get; init; }

    /// <summary>The version of the article that was shown, for feedback.</summary>
    public int ArticleVersion { get; init; }

    /// <summary>Up to three next topics to suggest.</summary>
    public IReadOnlyList<Article> FollowUps { get; init; } = [];

    /// <summary>The nearest topics when the bot does not know.</summary>
    public IReadOnlyList<Article> Nearest { get; init; } = [];

    public SmallTalkKind? SmallTalk { get; init; }

    /// <summary>The question was read together with the previous one (a short follow-up such as "en voor kinderen?").</summary>
    public bool UsedContext { get; init; }

    /// <summary>The previous question the follow-up was read with (when <see cref="UsedContext"/>).</summary>
    public string? PreviousQuestion { get; init; }
}

/// <summary>The previous answer in a conversation, so a short follow-up can be read in its context.</summary>
public sealed record AnswerContext(string Question, string ArticleId);
