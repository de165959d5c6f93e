using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Tests.Sessions;

/// <summary>What a reader sees behind one of the report card's links: the page or text file, or the Word document's text.</summary>
internal static class ReportDownload
{
    /// <summary>The text behind <paramref name="url"/> (absolute, or a path as <see cref="Link"/> gives); a Word document gives one line per paragraph (table cells included).</summary>
    public static async Task<string> ReadAsync(HttpClient client, string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url;
        if (!path.EndsWith(".docx", StringComparison.Ordinal))
        {
            return await client.GetStringAsync(path);
        }

        return string.Join('\n', WordParagraphs(await client.GetByteArrayAsync(path)));
    }

    /// <summary>
    /// The address behind the report card's button <paramref name="title"/>, wherever the card puts it (its own actions
    /// or a card it shows), as the user follows it: path and query.
    /// </summary>
    public static string Link(JsonObject card, string title) =>
        new Uri(Conversation.ConversationTests.Descendants(card).OfType<JsonObject>()
            .Single(a => a["type"]?.GetValue<string>() == "Action.OpenUrl" && a["title"]?.GetValue<string>() == title)["url"]!.GetValue<string>()).PathAndQuery;

    /// <summary>The text of each paragraph of a Word document, table cells included, in order.</summary>
    public static IReadOnlyList<string> WordParagraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }
}
