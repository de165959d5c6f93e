namespace Weerbaar.Bot.Sessions;

/// <summary>
/// The addresses of one stored report, one per format; they share the report's unguessable token and so expire with it.
/// </summary>
/// <param name="Base">The report's address without extension: <c>…/sessies/verslag/{token}</c>.</param>
public sealed record ReportLinks(string Base)
{
    public string Html => $"{Base}.html";

    public string Markdown => $"{Base}.md";

    public string Word => $"{Base}.docx";

    /// <summary>The follow-up moment as a calendar file (only offered when the session made agreements).</summary>
    public string Calendar => $"{Base}.ics";
}
