using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL database: a session driven through both loses and doubles nothing, an article
/// published through one is answered by the other within seconds, and a due reminder goes out once.
/// </summary>
[Slow(SlowKind.Process, SlowKind.Postgres)]
public sealed class TwoInstanceTests(TwoInstanceFixture instances) : IClassFixture<TwoInstanceFixture>
{
    private const int Users = 10;
    private const int ContributionsPerUser = 10;

    [Fact]
    public async Task SessionDrivenThroughBothInstances_StoresEveryContributionOnce_AndTheReportIsComplete()
    {
        instances.RequireAvailable();
        var lead = TeamsUser.Create("Gespreksleider");
        var turn = 0;
        var session = new SessionConversation(
            activity => instances.PostAsync(activity, Interlocked.Increment(ref turn)),
            instances.Connector,
            new TeamsConversation(TeamsScope.GroupChat, instances.Connector.ServiceUrl));
        await session.StartAsync(lead, steps: ["opening", "afspraken"]);

        var users = Enumerable.Range(1, Users).Select(i => TeamsUser.Create($"Deelnemer {i}")).ToList();
        await Task.WhenAll(users.Select(async (user, u) =>
        {
            for (var c = 1; c <= ContributionsPerUser; c++)
            {
                var view = await session.ContributeAsync(user, $"Bijdrage {u + 1}-{c}");
                Assert.Contains("Uw bijdrage is opgeslagen", TextOf(view), StringComparison.Ordinal);
            }
        }));

        var leadView = await session.ViewAsync(lead);
        leadView = await session.PressAsync(lead, leadView, "sessionNext");
        leadView = await session.PressAsync(lead, leadView, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodstroomplan bijwerken",
            ["agreementOwner"] = "facilitair manager",
            ["agreementDue"] = DateTime.UtcNow.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await session.PressAsync(lead, leadView, "sessionComplete");

        var report = CardOf(instances.Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
        Assert.Contains($"{Users * ContributionsPerUser} bijdragen", TextOf(report), StringComparison.Ordinal);
        var contributions = Enumerable.Range(1, Users).SelectMany(u => Enumerable.Range(1, ContributionsPerUser).Select(c => $"Bijdrage {u}-{c}")).ToList();
        var markdownUrl = new Uri(report["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>().Contains("tekstbestand", StringComparison.Ordinal))!["url"]!.GetValue<string>());
        using var http = new HttpClient();
        var markdown = await http.GetStringAsync(new Uri(instances.Second.BaseUrl, markdownUrl.PathAndQuery), TestContext.Current.CancellationToken);
        Assert.All(contributions, text => Assert.Contains(text + "\n", markdown.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n", StringComparison.Ordinal));

        await using var db = (await instances.Database.MigrateAsync()).CreateDbContext();
        var state = (await db.Sessions.SingleAsync(s => s.Id == Guid.Parse(session.SessionId), TestContext.Current.CancellationToken)).State;
        Assert.All(contributions, text => Assert.Equal(1, Occurrences(state, $"\"{text}\"")));
    }

    [Fact]
    public async Task ArticlePublishedThroughOneInstance_IsAnsweredByTheOther_WithinSeconds()
    {
        instances.RequireAvailable();
        const string title = "Hoe werkt de oefening Kraanvogeldag bij twee instanties?";
        var adminChat = new TeamsConversation(TeamsScope.Personal, instances.Connector.ServiceUrl);
        var form = await InvokeAsync(adminChat, AdminVerb.New, new JsonObject { ["verb"] = AdminVerb.New });
        var data = (JsonObject)ExecuteActions(form).First(a => a!["verb"]!.GetValue<string>() == AdminVerb.Publish)!["data"]!.DeepClone();
        foreach (var (name, value) in ArticleInputs(title))
        {
            data[name] = value?.DeepClone();
        }

        var published = await InvokeAsync(adminChat, AdminVerb.Publish, data);
        Assert.Contains("Gepubliceerd (versie 1)", TextOf(published), StringComparison.Ordinal);

        var userChat = new TeamsConversation(TeamsScope.Personal, instances.Connector.ServiceUrl);
        var user = TeamsUser.Create("Gebruiker");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var before = instances.Connector.SentActivities.Count;
            await instances.Second.PostActivityAsync(userChat.Message(user, "Wanneer is de Kraanvogeldag oefening?"));
            var reply = instances.Connector.SentActivities.Skip(before).LastOrDefault();
            if (reply?["attachments"] is JsonArray { Count: > 0 } && TextOf(CardOf(reply)).Contains(title, StringComparison.Ordinal))
            {
                break;
            }

            // The other instance reloads its index within Knowledge:RefreshSeconds; ask again until it has.
            await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
        }
    }

    [Fact]
    public async Task ReminderDueOnce_IsSentOnce_ThoughBothInstancesCheck()
    {
        instances.RequireAvailable();
        var chat = new TeamsConversation(TeamsScope.GroupChat, instances.Connector.ServiceUrl);
        await using (var db = (await instances.Database.MigrateAsync()).CreateDbContext())
        {
            db.FollowUpReminders.Add(new FollowUpReminder
            {
                Id = Guid.NewGuid(),
                SessionId = Guid.NewGuid(),
                ChannelId = "msteams",
                ConversationId = chat.Id,
                ServiceUrl = instances.Connector.ServiceUrl.ToString(),
                TenantId = chat.TenantId,
                BotId = chat.Bot.Id,
                DueAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                Status = ReminderStatus.Pending,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-28),
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (ToChat(chat).Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }

        // Both instances check every second: give each several more checks in which a second copy could go out.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        Assert.Single(ToChat(chat));
        await using var check = (await instances.Database.MigrateAsync()).CreateDbContext();
        Assert.Equal(ReminderStatus.Sent, (await check.FollowUpReminders.SingleAsync(r => r.ConversationId == chat.Id, TestContext.Current.CancellationToken)).Status);
    }

    private List<JsonObject> ToChat(TeamsConversation chat) =>
        [.. instances.Connector.SentActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == chat.Id)];

    private async Task<JsonObject> InvokeAsync(TeamsConversation chat, string verb, JsonObject data)
    {
        using var response = await instances.First.PostActivityAsync(chat.CardAction(instances.Admin, verb, data));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }

    private static JsonObject ArticleInputs(string title) => new()
    {
        ["articleId"] = "kraanvogeldag",
        ["title"] = title,
        ["summary"] = "De Kraanvogeldag is een oefening van de gemeente voor een dag zonder stroom.",
        ["body"] = "De Kraanvogeldag is een oefening die alleen in deze test bestaat. " + string.Join(' ', Enumerable.Repeat("De gemeente oefent met partners wat zij doet als de stroom een dag uitvalt.", 10))
            + "\n\n## Wie doet mee?\n\n" + string.Join(' ', Enumerable.Repeat("Medewerkers van de gemeente en vrijwilligers doen mee aan de oefening.", 4)),
        ["questions"] = "Wanneer is de Kraanvogeldag?\nWat oefenen we op de Kraanvogeldag?\nWie doet mee aan de Kraanvogeldag?",
        ["tags"] = "oefening, kraanvogeldag",
        ["sourceRows"] = "1",
        ["source_0_title"] = "Testbron voor de oefening",
        ["source_0_url"] = "geen",
        ["source_0_publisher"] = "Gemeente Testdorp",
        ["source_0_date"] = "2026",
        ["lastChecked"] = "2026-01-15",
        ["factsAsOf"] = "2026-01",
        ["changeSummary"] = "nieuw artikel",
    };

    internal static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
