using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Calendar = Ical.Net.Calendar;
using Weerbaar.Core.Language;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The report to take away, through the links on the report card: a Word document people can put in a memo (read back
/// with the OpenXml SDK) and the follow-up moment as a calendar file (read back with Ical.Net), both expiring with the
/// report's other links. On a fake clock, so the link's expiry and the reminder's day can be reached.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class SessionReportDownloadTests : ClockedSessionTest
{
    private const string Markup = "<script>alert(1)</script> [klik](https://evil.example) {MERGEFIELD x}";

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task WordDocument_FromTheCardsLink_HoldsTitleOrganisationContributionsAndTheAgreementsAsATable()
    {
        var card = await CompleteSessionAsync(("Noodstroom regelen", Today.AddMonths(2)), ("Noodplan oefenen", Today.AddMonths(1)));
        using var client = Bot.CreateClient();

        using var response = await client.GetAsync(ReportDownload.Link(card, "Verslag als Word-document"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"verslag-gesprekstool-{Today:yyyy-MM-dd}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        // Valid against the Office schema, so Word opens it without offering to repair it.
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var title = body.Elements<Paragraph>().First();
        Assert.Equal("Title", title.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Equal("Verslag gesprekstool: Gemeente Voorbeeld", title.InnerText);
        Assert.Contains($"Datum: {DutchDates.Format(Today)}. 2 bijdragen, 2 afspraken.", paragraphs);
        Assert.Contains("• Kwetsbaarheid: Wij hebben geen noodstroom", paragraphs);
        Assert.Contains($"• {Markup}", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Dit gesprek is een eigen uitwerking van Weerbaar.", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("vroegtijdig beëindigd", StringComparison.Ordinal));
        var rows = body.Elements<Table>().Single().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(
            [
                ["Wat", "Rol", "Uiterlijk op"],
                ["Noodstroom regelen", "facilitair manager", DutchDates.Format(Today.AddMonths(2))],
                ["Noodplan oefenen", "facilitair manager", DutchDates.Format(Today.AddMonths(1))],
            ],
            rows);

        // What a participant typed is text: no hyperlink, no field, no names of people anywhere in the package.
        var main = document.MainDocumentPart;
        Assert.Empty(main.HyperlinkRelationships);
        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(body.Descendants<SimpleField>());
        Assert.Empty(body.Descendants<FieldCode>());
        Assert.True(string.IsNullOrEmpty(document.PackageProperties.Creator));
        Assert.DoesNotContain("Anna", main.Document!.OuterXml, StringComparison.Ordinal);
        Assert.DoesNotContain("Fenna", main.Document.OuterXml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordDocument_OfASessionEndedEarly_SaysSo()
    {
        await Session.StartAsync(_lead);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        var view = await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionNext");
        await Session.PressAsync(_lead, view, "sessionEnd");
        using var client = Bot.CreateClient();

        using var document = WordprocessingDocument.Open(new MemoryStream(await client.GetByteArrayAsync(ReportDownload.Link(Session.ReportCard(), "Verslag als Word-document"))), isEditable: false);

        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("De sessie is vroegtijdig beëindigd, bij stap 2 van 9.", paragraphs);
        Assert.Contains("Er zijn geen afspraken gemaakt.", paragraphs);
    }

    [Fact]
    public async Task CalendarFile_IsOneAllDayEventOnTheEarliestAgreementDate_OrOnTheDayOfTheChosenReminder()
    {
        var card = await CompleteSessionAsync(("Noodstroom regelen", Today.AddMonths(2)), ("Noodplan oefenen", Today.AddMonths(1)));
        using var client = Bot.CreateClient();
        var link = ReportDownload.Link(card, "In mijn agenda");

        using var response = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var first = Assert.Single(calendar.Events);
        Assert.Equal(Today.AddMonths(1), DateOnly.FromDateTime(first.DtStart!.Value));
        Assert.False(first.DtStart.HasTime);
        Assert.True(first.IsAllDay);
        Assert.Equal("Terugblik afspraken gesprekstool: Gemeente Voorbeeld", first.Summary);
        Assert.Contains($"Noodstroom regelen – facilitair manager – uiterlijk {DutchDates.Format(Today.AddMonths(2))}", first.Description, StringComparison.Ordinal);
        Assert.Contains($"Noodplan oefenen – facilitair manager – uiterlijk {DutchDates.Format(Today.AddMonths(1))}", first.Description, StringComparison.Ordinal);
        Assert.Empty(first.Attendees);
        Assert.Null(first.Organizer);

        var reminder = (JsonObject)ExecuteActions(card).First(a => a!["verb"]!.GetValue<string>() == "sessionReminder" && a["data"]!["weeks"]!.GetValue<string>() == "8")!["data"]!.DeepClone();
        await Session.InvokeCardAsync(_lead, "sessionReminder", reminder);
        var moved = Assert.Single(Calendar.Load(await client.GetStringAsync(link))!.Events);

        Assert.Equal(Today.AddDays(7 * 8), DateOnly.FromDateTime(moved.DtStart!.Value));
        Assert.Equal(first.Uid, moved.Uid);
    }

    [Fact]
    public async Task WordAndCalendarLinks_Expired_OrUnknown_AreNotFound()
    {
        var card = await CompleteSessionAsync(("Noodstroom regelen", Today.AddMonths(2)));
        using var client = Bot.CreateClient();
        var word = ReportDownload.Link(card, "Verslag als Word-document");
        var agenda = ReportDownload.Link(card, "In mijn agenda");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(word)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(agenda)).StatusCode);

        Clock.Advance(TimeSpan.FromDays(31));

        foreach (var path in new[] { word, agenda, "/sessies/verslag/bestaatnietbestaatniet1234.docx", "/sessies/verslag/bestaatnietbestaatniet1234.ics" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    // Runs a short session with a tagged contribution, one with markup, and the given agreements; returns the report card.
    private async Task<JsonObject> CompleteSessionAsync(params (string What, DateOnly Due)[] agreements)
    {
        await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Wij hebben geen noodstroom");
        await Session.PressAsync(_lead, await Session.ViewAsync(_lead), "sessionTag", d => d["tag"]!.GetValue<string>() == "Kwetsbaarheid");
        await Session.ContributeAsync(_anna, Markup);
        return await Session.CompleteWithAgreementsAsync(_lead, await Session.ViewAsync(_lead), "facilitair manager", agreements);
    }
}
