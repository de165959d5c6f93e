namespace Weerbaar.Core.Answering;

/// <summary>
/// Recognises a message that is only a greeting, thanks, a goodbye or a question about the bot, so it gets a short
/// polite reply instead of a knowledge answer (and is not logged as an unanswered question).
/// </summary>
public static class SmallTalk
{
    private static readonly Dictionary<SmallTalkKind, string[]> Phrases = new()
    {
        [SmallTalkKind.Greeting] = ["hallo", "hoi", "hey", "hi", "hello", "goedemorgen", "goedemiddag", "goedenavond", "dag", "hallo weerbaar", "hoi weerbaar", "goeiemorgen", "moi", "hee"],
        [SmallTalkKind.Thanks] = ["dank", "dank je", "dank je wel", "dankjewel", "dankuwel", "dank u", "dank u wel", "bedankt", "thanks", "thank you", "top", "super", "fijn", "prima", "duidelijk", "helder", "ok", "oke", "okay", "mooi", "bedankt voor je hulp", "dank voor de hulp"],
        [SmallTalkKind.Goodbye] = ["doei", "dag dag", "tot ziens", "tot later", "bye", "fijne dag", "tot de volgende keer"],
        [SmallTalkKind.Opinion] = ["wat vind jij", "wat vind je", "wat vindt u", "wat denk jij", "wat denk je", "jouw mening", "wat is jouw mening", "wat is je mening", "heb jij een mening", "vind jij"],
        [SmallTalkKind.AboutTheBot] = ["wie ben jij", "wie ben je", "wat ben jij", "wat ben je", "ben jij een robot", "ben je een robot", "ben jij een mens", "ben je een mens", "ben jij een bot", "wat kun jij", "wat kun je", "wat kan jij", "wat kan je", "wat doe jij", "ben jij ai", "ben je ai"],
    };

    public static SmallTalkKind? Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Knowledge.ArticleParser.Normalize(text);
        if (normalized.Length == 0 || normalized.Length > 120)
        {
            return null;
        }

        foreach (var (kind, phrases) in Phrases)
        {
            if (phrases.Contains(normalized, StringComparer.Ordinal))
            {
                return kind;
            }
        }

        // "Wat vind jij van de minister?": the bot gives facts with sources, never opinions.
        if (Phrases[SmallTalkKind.Opinion].Any(phrase => normalized.StartsWith(phrase + " ", StringComparison.Ordinal)))
        {
            return SmallTalkKind.Opinion;
        }

        return null;
    }
}
