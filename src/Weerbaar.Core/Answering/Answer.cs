using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Search;

namespace Weerbaar.Core.Answering;

/// <summary>What the answerer made of a message.</summary>
public enum AnswerKind
{
    /// <summary>An article answers it.</summary>
    Answered,

    /// <summary>Nothing in the knowledge answers it with enough confidence: the bot says so and offers the nearest topics.</summary>
    NotKnown,

    /// <summary>A greeting, thanks or a question about the bot itself: a short polite reply.</summary>
    SmallTalk,

    /// <summary>No words at all (only spaces, emoji or a mention).</summary>
    Empty,
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

    /// <summary>The quoted passage: the best section, trimmed at sentence boundaries.</summary>
    public string? Passage { get; init; }

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
