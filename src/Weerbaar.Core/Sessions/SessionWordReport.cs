using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Weerbaar.Core.Language;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The report of a finished session as a Word document, for people who put it in a memo: the same content as the HTML
/// report (per step the most voted contributions with their votes and the contributions, tagged ones marked; the
/// agreements, here as a table; the scenario's notice).
/// It never names anyone. What participants typed is only ever the text of a run: no fields, no hyperlinks.
/// </summary>
public static class SessionWordReport
{
    /// <summary>The content type of a .docx file.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Language = "nl-NL";

    public static byte[] Build(SessionState state, Scenario scenario, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scenario);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // Only a title: the author Word would otherwise show is a person, and the report names nobody.
            document.PackageProperties.Title = "Verslag gesprekstool";
            document.PackageProperties.Language = Language;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.Document = new Document(Body(state, scenario, date));
        }

        return stream.ToArray();
    }

    private static Body Body(SessionState state, Scenario scenario, DateOnly date)
    {
        var body = new Body();
        body.Append(Paragraph("Title", Plain($"Verslag gesprekstool: {state.Settings.OrganisationName}")));
        body.Append(Paragraph(null, Plain($"Datum: {DutchDates.Format(date)}. {DutchCounts.Contributions(state.Contributions.Count)}, {DutchCounts.Agreements(state.Agreements.Count)}.")));
        if (SessionReport.EndedEarlyNote(state) is string note)
        {
            body.Append(Paragraph(null, Bold(note)));
        }

        body.Append(Paragraph(null, Italic(scenario.Notice)));
        if (SessionPreviousAgreements.Summary(state) is string previous)
        {
            body.Append(Paragraph("Heading1", Plain(SessionReport.PreviousHeading)));
            body.Append(Paragraph(null, Plain(previous)));
            foreach (var agreement in state.PreviousAgreements)
            {
                var item = Paragraph("ListParagraph", Plain($"• {agreement.What} — {agreement.OwnerRole} — uiterlijk {DutchDates.Format(agreement.Due)}: "));
                item.Append(Bold(SessionPreviousAgreements.StatusOf(state, agreement)));
                body.Append(item);
            }
        }
        foreach (var stepId in state.Settings.StepIds)
        {
            if (scenario.Step(stepId) is not ScenarioStep step)
            {
                continue;
            }

            var contributions = state.ContributionsOf(stepId);
            body.Append(Paragraph("Heading1", Plain(step.Title)));
            body.Append(Paragraph(null, Plain($"{DutchCounts.Contributions(contributions.Count)}.")));
            if (state.VoteResults(stepId) is { Count: > 0 } results)
            {
                body.Append(Paragraph("Heading2", Plain("Meeste stemmen")));
                foreach (var result in results.Take(SessionReport.TopVoted))
                {
                    var item = Paragraph("ListParagraph", Plain("• "));
                    item.Append(Bold($"{DutchCounts.Votes(result.Votes)}: "));
                    item.Append(Plain(result.Contribution.Text));
                    body.Append(item);
                }
            }

            foreach (var question in step.Questions)
            {
                var listed = contributions.Where(c => c.QuestionId == question.Id).ToList();
                if (listed.Count == 0)
                {
                    continue;
                }

                body.Append(Paragraph("Heading2", Plain(question.TextFor(state.Settings.Kind))));
                foreach (var answer in listed)
                {
                    var item = Paragraph("ListParagraph", Plain("• "));
                    if (answer.Tag is { } tag)
                    {
                        item.Append(Bold($"{tag}: "));
                    }

                    item.Append(Plain(answer.Text));
                    body.Append(item);
                    foreach (var merged in state.MergedInto(answer.Id))
                    {
                        body.Append(Paragraph("ListParagraph2", Plain($"– {SessionReport.MergedLabel}: {merged.Text}")));
                    }
                }
            }
        }

        body.Append(Paragraph("Heading1", Plain("Afspraken")));
        body.Append(state.Agreements.Count == 0
            ? Paragraph(null, Plain("Er zijn geen afspraken gemaakt."))
            : Agreements(state.Agreements));
        return body;
    }

    private static Table Agreements(IReadOnlyList<Agreement> agreements)
    {
        var border = new Func<OpenXmlElement>[]
        {
            // The schema's order: top, left, bottom, right, then the inside lines.
            () => new TopBorder(), () => new LeftBorder(), () => new BottomBorder(), () => new RightBorder(),
            () => new InsideHorizontalBorder(), () => new InsideVerticalBorder(),
        };
        var borders = new TableBorders();
        foreach (var make in border)
        {
            var edge = (BorderType)make();
            edge.Val = BorderValues.Single;
            edge.Size = 4;
            edge.Color = "808080";
            borders.Append(edge);
        }

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            borders));
        table.Append(new TableGrid(new GridColumn { Width = "4800" }, new GridColumn { Width = "2400" }, new GridColumn { Width = "2400" }));

        // The header row repeats on every page, so a long list of agreements stays readable when printed.
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var title in new[] { "Wat", "Rol", "Uiterlijk op" })
        {
            header.Append(Cell(Bold(title)));
        }

        table.Append(header);
        foreach (var agreement in agreements)
        {
            table.Append(new TableRow(Cell(Plain(agreement.What)), Cell(Plain(agreement.OwnerRole)), Cell(Plain(DutchDates.Format(agreement.Due)))));
        }

        return table;
    }

    private static TableCell Cell(Run run) => new(new Paragraph(run));

    private static Paragraph Paragraph(string? style, Run run)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Run Plain(string text) => new(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Bold(string text) => new(new RunProperties(new Bold()), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static Run Italic(string text) => new(new RunProperties(new Italic()), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    // On one line, as in the other reports (the spaces at either end stay: runs are joined), and without the control characters XML cannot hold (the writer would
    // throw on them, and a participant's pasted text may carry one).
    private static string Clean(string text)
    {
        var line = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        var clean = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsSurrogatePair(line, i))
            {
                clean.Append(line, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(line[i]))
            {
                clean.Append(line[i]);
            }
        }

        return clean.ToString();
    }

    // The few styles the document uses, with Dutch as its language so Word checks the spelling in Dutch. Without
    // their definitions Word would show the headings as plain text.
    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new Languages { Val = Language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(Heading("Title", "Title", "48", null));
        styles.Append(Heading("Heading1", "heading 1", "32", 0));
        styles.Append(Heading("Heading2", "heading 2", "24", 1));
        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "360", Hanging = "216" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        styles.Append(new Style(
            new StyleName { Val = "List Paragraph 2" },
            new BasedOn { Val = "ListParagraph" },
            new StyleParagraphProperties(new Indentation { Left = "720", Hanging = "216" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph2" });
        return styles;
    }

    private static Style Heading(string id, string name, string halfPoints, int? outlineLevel)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outlineLevel is int level)
        {
            // Makes the heading show in Word's navigation pane.
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
