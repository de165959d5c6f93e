using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Generation;

/// <summary>A numbered passage sent to the model: the best section of one article, trimmed. Its number is what the answer cites.</summary>
public sealed record GroundedPassage(int Number, Article Article, int SectionIndex, string Text)
{
    /// <summary>The first source of the article that has a public address, for the citation a user opens.</summary>
    public string? Url => Article.Sources.FirstOrDefault(source => source.Url is not null)?.Url;

    /// <summary>Everything the model got with this passage: a link, e-mail address or phone number in a reply must be in here.</summary>
    public IEnumerable<string> SentTexts => [Article.Title, .. Article.Sources.Select(source => source.Title), .. Article.Sources.Select(source => source.Url).OfType<string>(), Text];
}
