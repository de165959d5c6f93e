using System.Text;
using Weerbaar.Bot.Cards;

namespace Weerbaar.Tests.Cards;

/// <summary>
/// <see cref="CardText.Literal"/> against the CommonMark rules (plus markdown-it's tables and strikethrough) on
/// concrete strings. No Markdown renderer is installed for the tests (the adaptivecards package renders Markdown only
/// through a markdown-it the host provides, and only into a DOM), so the expected escapes are written out here; they
/// were checked once by rendering them with markdown-it.
/// </summary>
public sealed class CardTextTests
{
    // Indentation of four columns is dropped on purpose, so those texts cannot come back unchanged.
    public static TheoryData<string> RoundTripNames =>
        new(AdversarialText.All.Where(entry => !HasCodeIndentation(entry.Text)).Select(entry => entry.Name));

    [Theory]
    [InlineData("**vet**", @"\*\*vet\*\*")]
    [InlineData("__vet__", @"\_\_vet\_\_")]
    [InlineData("*schuin* en _schuin_", @"\*schuin\* en \_schuin\_")]
    [InlineData("foo*bar*baz", @"foo\*bar\*baz")]
    [InlineData("~~weg~~", @"\~\~weg\~\~")]
    [InlineData("[klik](http://x)", @"\[klik\](http://x)")]
    [InlineData("![plaatje](http://x/a.png)", @"!\[plaatje\](http://x/a.png)")]
    [InlineData("[x]: http://x", @"\[x\]: http://x")]
    [InlineData("`code`", @"\`code\`")]
    [InlineData("| a | b |", @"\| a \| b \|")]
    [InlineData(@"C:\temp", @"C:\\temp")]
    public void Literal_escapes_inline_markup_wherever_it_stands(string text, string expected) =>
        Assert.Equal(expected, CardText.Literal(text));

    [Theory]
    [InlineData("- een", @"\- een")]
    [InlineData("+ een", @"\+ een")]
    [InlineData("* een", @"\* een")]
    [InlineData("  - ingesprongen", @"  \- ingesprongen")]
    [InlineData("tekst\n- een", "tekst\n\\- een")]
    [InlineData("tekst\r\n- een", "tekst\r\n\\- een")]
    [InlineData("tekst\r- een", "tekst\r\\- een")]
    [InlineData("1. een", @"1\. een")]
    [InlineData("12. twaalf", @"12\. twaalf")]
    [InlineData("tekst\n  3. drie", "tekst\n  3\\. drie")]
    [InlineData("1) een", @"1\) een")]
    [InlineData("1.", @"1\.")]
    [InlineData("# Kop", @"\# Kop")]
    [InlineData("### Kop", @"\### Kop")]
    [InlineData("Titel\n===", "Titel\n\\===")]
    [InlineData("Titel\n---", "Titel\n\\---")]
    [InlineData("> citaat", @"\> citaat")]
    public void Literal_escapes_line_markup_at_the_start_of_a_line(string text, string expected) =>
        Assert.Equal(expected, CardText.Literal(text));

    [Theory]
    [InlineData("Een storing van 2-3 dagen - of langer.")]
    [InlineData("Zie versie 1.5 van de brief.")]
    [InlineData("1.5 liter water per dag")]
    [InlineData("Om 10.30 uur, in 2024.")]
    [InlineData("(zie bijlage) #weerbaar a > b, a < b, 1 + 1 = 2")]
    [InlineData("R&D en Q&A: 5 & 6")]
    [InlineData("e-mail: info@gemeente.nl, https://www.nctv.nl")]
    [InlineData("👍🏽 Één ’s nachts")]
    public void Literal_leaves_ordinary_sentences_alone(string text) =>
        Assert.Equal(text, CardText.Literal(text));

    [Theory]
    [InlineData("<script>alert(1)</script>", @"\<script>alert(1)\</script>")]
    [InlineData("<b>vet</b>", @"\<b>vet\</b>")]
    [InlineData("<http://x>", @"\<http://x>")]
    [InlineData("<!-- x -->", @"\<!-- x -->")]
    [InlineData("&lt;b&gt; &amp; &#35; &#x23;", @"\&lt;b\&gt; \&amp; \&#35; \&#x23;")]
    public void Literal_escapes_html_autolinks_and_entities(string text, string expected) =>
        Assert.Equal(expected, CardText.Literal(text));

    [Theory]
    [InlineData("    code", "code")]
    [InlineData("\tcode", "code")]
    [InlineData("tekst\n     code", "tekst\ncode")]
    [InlineData("   - drie spaties", @"   \- drie spaties")]
    public void Literal_drops_indentation_that_would_make_a_code_block(string text, string expected) =>
        Assert.Equal(expected, CardText.Literal(text));

    [Theory]
    [MemberData(nameof(RoundTripNames))]
    public void Removing_the_escapes_gives_back_the_text(string name)
    {
        var text = AdversarialText.Text(name);

        Assert.Equal(text, Unescape(CardText.Literal(text)));
    }

    // CommonMark: a backslash before ASCII punctuation shows that character; any other backslash shows as itself.
    private static string Unescape(string markdown)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]))
            {
                i++;
            }

            builder.Append(markdown[i]);
        }

        return builder.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    private static bool HasCodeIndentation(string text) =>
        text.Split('\n', '\r').Any(line => line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'));

    [Theory]
    [InlineData("<script>alert(1)</script> en **vet**", "\\<script>alert(1)\\</script> en **vet**")]
    [InlineData("&lt;b&gt; blijft &amp; staan", "\\&lt;b\\&gt; blijft \\&amp; staan")]
    [InlineData("- punt\n## kop\n[link](https://x.nl/?a=1&b=2)", "- punt\n## kop\n[link](https://x.nl/?a=1&b=2)")]
    public void WithoutHtml_EscapesTagsAndEntities_AndKeepsTheMarkdown(string text, string expected) =>
        Assert.Equal(expected, CardText.WithoutHtml(text));
}
