using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// The article format's rules for how current an article is, <c>stand</c> (required) and <c>actueel</c> (optional), and
/// for what its answer offers (<c>actie</c>, optional).
/// </summary>
public sealed class ArticleParserTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly string Valid = $"""
        ---
        id: proef
        title: Wat is een proefartikel?
        summary: Een proefartikel bestaat alleen in deze test en zegt niets over weerbaarheid.
        tags: [proef]
        audience: [iedereen]
        questions:
          - Wat is een proef?
          - Waarom een proefartikel?
          - Wie schrijft een proefartikel?
        sources:
          - title: Testbron
            url: geen
            publisher: Test
            date: onbekend
        resources: []
        related: []
        laatst_gecontroleerd: 2026-12-02
        stand: 2026-03
        actueel: de website van uw veiligheidsregio
        status: published
        ---

        {string.Join(' ', Enumerable.Repeat("Dit is een zin van het proefartikel met genoeg woorden.", 15))}
        """;

    [Fact]
    public void Stand_IsReadAsTheFirstDayOfItsMonth_WithWhereTheCurrentStateIs()
    {
        var article = Parse(Valid, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2026, 3, 1), article!.FactsAsOf);
        Assert.Equal("de website van uw veiligheidsregio", article.CurrentStateAt);
    }

    [Theory]
    [InlineData("stand: 2026-03\n", "", "'stand' is missing")]
    [InlineData("stand: 2026-03", "stand: maart 2026", "'stand' must be 7–7 characters")]
    [InlineData("stand: 2026-03", "stand: 2026-13", "'stand' must be a month as YYYY-MM")]
    [InlineData("stand: 2026-03", "stand: 2027-01", "'stand' (the month the facts stand for) lies after 'laatst_gecontroleerd'")]
    [InlineData("actueel: de website van uw veiligheidsregio", "actueel: kort", "'actueel' must be 10–300 characters")]
    [InlineData("status: published", "actie: bel-de-nctv\nstatus: published", "'actie' must be 'start-sessie'")]
    public void BadStandOrActueel_IsAProblem_AndTheArticleIsRefused(string field, string replacement, string problem)
    {
        var article = Parse(Valid.Replace(field, replacement, StringComparison.Ordinal), out var problems);

        Assert.Null(article);
        Assert.Contains(problems, p => p.Message.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutActueel_TheArticleIsValid()
    {
        var article = Parse(Valid.Replace("actueel: de website van uw veiligheidsregio\n", string.Empty, StringComparison.Ordinal), out var problems);

        Assert.Empty(problems);
        Assert.Null(article!.CurrentStateAt);
    }

    [Fact]
    public void AnAdminsDraft_KeepsStandActueelAndActie_WhenWrittenBackToAFile()
    {
        var draft = ArticleDraft.From(Parse(Valid.Replace("status: published", "actie: start-sessie\nstatus: published", StringComparison.Ordinal), out _)!);

        var again = Parse(draft.ToFileText(), out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2026, 3, 1), again!.FactsAsOf);
        Assert.Equal("de website van uw veiligheidsregio", again.CurrentStateAt);
        Assert.Equal(ArticleAction.StartSession, again.Action);
    }

    private static Article? Parse(string text, out List<KnowledgeProblem> problems)
    {
        problems = [];
        return ArticleParser.Parse("articles/proef.md", text, Today, problems);
    }
}
