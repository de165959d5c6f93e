using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Generation;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// A generated answer as Teams wants it: a text message (on Adaptive Card messages Teams shows citations and the AI
/// label only in preview) with the AI-generated label, one citation per cited passage, the sources listed under the
/// answer as on the extractive card, and Teams' own 👍/👎 buttons.
/// </summary>
public static class GeneratedAnswerMessage
{
    public const int MaxCitationTitle = 80;
    public const int MaxCitationAbstract = 160;

    public static IMessageActivity Create(GeneratedAnswer answer, string leadNote)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(leadNote);
        var text = new StringBuilder();
        if (leadNote.Length > 0)
        {
            text.Append(leadNote).Append("\n\n");
        }

        text.Append(answer.Text).Append("\n\n**").Append(ConversationTexts.SourcesHeading).Append("**\n\n");
        var position = 1;
        foreach (var passage in answer.Cited)
        {
            var article = passage.Article;
            var sources = string.Join("; ", article.Sources.Select(source => source.Url is null
                ? $"{CardText.Literal(source.Title)} ({CardText.Literal(source.Publisher)}) – {ConversationTexts.NoPublicLink}"
                : $"[{CardText.Literal(source.Title)}]({source.Url}) ({CardText.Literal(source.Publisher)})"));
            text.Append(position++).Append(". **").Append(CardText.Literal(article.Title)).Append("**: ").Append(sources).Append('\n');
        }

        // The least current article decides how current the whole answer is.
        var factsAsOf = answer.Cited.Min(passage => passage.Article.FactsAsOf);
        var lastChecked = answer.Cited.Min(passage => passage.Article.LastChecked);
        text.Append('\n').Append(ConversationTexts.GeneratedNotice(ConversationTexts.FactsLine(factsAsOf, lastChecked)));

        var message = MessageFactory.Text(text.ToString());
        message.TextFormat = TextFormatTypes.Markdown;
        message.Summary = answer.Cited[0].Article.Title;
        message.Entities = [AiEntity(answer)];
        message.ChannelData = new JObject { ["feedbackLoopEnabled"] = true };
        return message;
    }

    // Teams' AI message entity: the label "AI-gegenereerd" and the citations behind the [n] markers in the text.
    private static Entity AiEntity(GeneratedAnswer answer)
    {
        var entity = new Entity("https://schema.org/Message");
        entity.Properties["@type"] = "Message";
        entity.Properties["@context"] = "https://schema.org";
        entity.Properties["@id"] = string.Empty;
        entity.Properties["additionalType"] = new JArray("AIGeneratedContent");
        entity.Properties["citation"] = new JArray(answer.Cited.Select(passage =>
        {
            var appearance = new JObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Shorten(passage.Article.Title, MaxCitationTitle),
                ["abstract"] = Shorten(passage.Text, MaxCitationAbstract),
            };
            if (passage.Url is not null)
            {
                appearance["url"] = passage.Url;
            }

            return new JObject { ["@type"] = "Claim", ["position"] = passage.Number, ["appearance"] = appearance };
        }));
        return entity;
    }

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat[..(max - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > max / 2 ? cut[..space] : cut) + "…";
    }
}
