using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// What a browser gets behind a report link: the report as written, with headers that keep it out of caches, search
/// engines and referrers, and that let nothing in it run, load or link — also when participants typed Markdown or HTML.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class SessionReportLinkTests : LocalBotTest
{
    private const string LinkText = "[klik](https://evil.example)";
    private const string ImageText = "![x](https://evil.example/p.png)";
    private const string ScriptText = "<script>alert(1)</script>";

    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");

    [Fact]
    public async Task ReportHtmlMarkdownAndUnknownLink_CarryHeadersThatStopScriptsCachingIndexingAndReferrers()
    {
        var (html, markdown) = await FinishSessionAsync("Gemeente Voorbeeld", ["Wij hebben geen noodstroom"], "Noodstroom regelen");
        using var client = Bot.CreateClient();

        foreach (var path in new[] { html, markdown, "/sessies/verslag/bestaatnietbestaatniet1234.md" })
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(path.Contains("bestaatniet", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
            Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
        }
    }

    [Fact]
    public async Task MarkdownReport_ShowsLinksImagesAndHtmlThatParticipantsTyped_AsText()
    {
        var (html, markdown) = await FinishSessionAsync($"Gemeente {LinkText}", [LinkText, ImageText, ScriptText, "# Kop", "1. punt", "`code` | a <https://evil.example> www.evil.example"], ScriptText);
        using var client = Bot.CreateClient();

        var report = await client.GetStringAsync(markdown);
        var lines = report.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(@"# Verslag gesprekstool: Gemeente \[klik\]\(https\://evil.example\)", lines[0]);
        Assert.Contains(@"- \[klik\]\(https\://evil.example\)", lines);
        Assert.Contains(@"- \!\[x\]\(https\://evil.example/p.png\)", lines);
        Assert.Contains(@"- \<script\>alert\(1\)\</script\>", lines);
        Assert.Contains(@"- \# Kop", lines);
        Assert.Contains(@"- 1\. punt", lines);
        Assert.Contains(@"- \`code\` \| a \<https\://evil.example\> www\.evil.example", lines);
        Assert.Contains(lines, l => l.StartsWith(@"- \<script\>alert\(1\)\</script\> — ", StringComparison.Ordinal));
        // Nothing of what was typed is left where a Markdown reader would make a link, an image or a tag of it.
        Assert.DoesNotMatch(@"(?<!\\)[<\[]", report);
        foreach (var raw in new[] { "[klik](", "![x](", "<script>", "https://", "www.evil" })
        {
            Assert.DoesNotContain(raw, report, StringComparison.Ordinal);
        }

        var page = await client.GetStringAsync(html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptText, page, StringComparison.Ordinal);
    }

    // Runs a short session to its report and returns the paths of its HTML and Markdown links.
    private async Task<(string Html, string Markdown)> FinishSessionAsync(string organisation, IReadOnlyList<string> contributions, string agreement)
    {
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        var view = await session.StartAsync(_lead, steps: ["opening", "afspraken"], organisation: organisation);
        foreach (var text in contributions)
        {
            Assert.Contains("Uw bijdrage is opgeslagen", TextOf(await session.ContributeAsync(_anna, text)), StringComparison.Ordinal);
        }

        view = await session.PressAsync(_lead, await session.ViewAsync(_lead), "sessionNext");
        view = await session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = agreement,
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await session.PressAsync(_lead, view, "sessionComplete");

        var card = CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        string Link(string format) => new Uri(card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains(format, StringComparison.Ordinal))!["url"]!.GetValue<string>()).PathAndQuery;
        return (Link("HTML"), Link("tekstbestand"));
    }
}
