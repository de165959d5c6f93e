using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Weerbaar.Tests.Sessions;

/// <summary>What a reader sees behind one of the report card's links: the page or text file, or the Word document's text.</summary>
internal static class ReportDownload
{
    /// <summary>The text behind <paramref name="url"/>; a Word document gives one line per paragraph (table cells included).</summary>
    public static async Task<string> ReadAsync(HttpClient client, string url)
    {
        var path = new Uri(url).PathAndQuery;
        if (!path.EndsWith(".docx", StringComparison.Ordinal))
        {
            return await client.GetStringAsync(path);
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(await client.GetByteArrayAsync(path)), isEditable: false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
