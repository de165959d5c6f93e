namespace Weerbaar.Tests.Cards;

/// <summary>
/// Text a user could type that has broken template engines, JSON or Markdown elsewhere: each entry has a short name
/// for test output and the text itself.
/// </summary>
public static class AdversarialText
{
    public static IReadOnlyList<(string Name, string Text)> All { get; } =
    [
        ("quotes", "Hij zei \"hallo\" en 'dag'"),
        ("backslashes", "C:\\temp\\new \\\\server\\share eind\\"),
        ("newlines and tabs", "regel 1\nregel 2\r\nregel 3\ttab\rregel 4"),
        ("control characters", "a\u0000b\u0001c\u001fd"),
        ("binding", "${label}"),
        ("root binding", "${$root.question} en ${$root.count}"),
        ("escaped binding", "\\${label} en $${question}"),
        ("unclosed binding", "${ niet af"),
        ("template keywords", "$data $when $index $root"),
        ("json injection", "\"}], \"body\": [{\"type\":\"Image\""),
        ("json injection 2", "\"},{\"type\":\"Action.OpenUrl\",\"url\":\"https://evil.example\"}]}"),
        ("bold", "**vet** en __ook vet__"),
        ("italics", "*schuin* en _schuin_"),
        ("link", "[klik hier](http://x) en ![plaatje](http://x/a.png)"),
        ("autolink", "<http://x> en <mailto:a@b.nl>"),
        ("bullet list", "- een\n- twee\n  - ingesprongen\n+ plus\n* ster"),
        ("ordered list", "1. een\n12. twaalf\n3) drie"),
        ("heading", "# Kop\n## Kop 2\nTitel\n===\nOndertitel\n---"),
        ("code", "`code` en\n```\nblok\n```\n    ingesprongen code"),
        ("table", "| a | b |\n|---|---|\n| 1 | 2 |"),
        ("quote", "> geciteerd"),
        ("strikethrough", "~~weg~~"),
        ("script", "<script>alert(1)</script>"),
        ("html", "<b>vet</b> <img src=x onerror=alert(1)> &lt;b&gt; &amp; &#35;"),
        ("emoji", "👍🏽 👨‍👩‍👧 🇳🇱"),
        ("combining", "e\u0301e\u0301n cafe\u0301"),
        ("right to left", "مرحبا بالعالم \u202Eabc\u202C שלום"),
        ("zero width", "a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f"),
        ("dutch", "Één vraag over crisis\u00ADbeheersing, ’s nachts, € 5,–"),
        ("plain sentence", "Wat doe ik bij een stroomstoring van 2-3 dagen? Zie versie 1.5 (bijlage)."),
        ("very long", string.Concat(Enumerable.Repeat("Lange tekst met *ster* en ${x}. ", 700))),
    ];

    public static TheoryData<string> NameData => new(All.Select(entry => entry.Name));

    public static string Text(string name) => All.Single(entry => entry.Name == name).Text;
}
