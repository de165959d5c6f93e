using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Generation;

/// <summary>A numbered passage sent to the model: the best section of one article, trimmed. Its number is what the answer cites.</summary>
public sealed record GroundedPassage(int Number, Article Article, int SectionIndex, string Text)
{
    /// <summary>The first source of the article that has a public address, for the citation a user opens.</summary>
    public string? Url => Article.Sources.FirstOrDefault(source => source.Url is not null)?.Url;

    /// <summary>Every address the model may repeat: the article's sources and any address in the passage itself.</summary>
    public IEnumerable<string> AllowedUrls => Article.Sources.Select(source => source.Url).OfType<string>().Concat(ReplyCheck.UrlsIn(Text));
}
