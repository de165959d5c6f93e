using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Harness.Fuzz;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// 1,000 seeded malformed and edge-case activities against <c>/api/messages</c>: no 500 (an unknown invoke may get
/// 501), the bot keeps answering, the database passes its integrity check, and what was stored before — the
/// knowledge, a running session, feedback — is unchanged. A failing case replays with the same seed and index.
/// </summary>
[Slow(SlowKind.Soak)]
public sealed class FuzzTests : LocalBotTest
{
    private const int Seed = 20261128;
    private const int Cases = 1000;

    [Fact]
    public async Task ThousandFuzzedActivities_GetNo500_AndChangeNothingTheyShouldNot()
    {
        var lead = TeamsUser.Create("Gespreksleider");
        var session = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await session.StartAsync(lead, steps: ["opening", "afspraken"]);
        await session.ContributeAsync(lead, "Bijdrage van voor de fuzz");
        var before = await SnapshotAsync();

        using var client = Bot.CreateClient();
        var report = await FuzzRun.RunAsync(new ActivityFuzzer(Seed, Connector.ServiceUrl).Cases(Cases), async (body, ct) =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content, ct);
            return (int)response.StatusCode;
        }, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary);
        Assert.True(report.Failures.Count == 0, $"seed {Seed}: {report.Summary}\n{string.Join('\n', report.Failures.Take(20))}");
        Assert.Equal(Cases, report.Cases);
        Assert.Equal(before, await SnapshotAsync());
        await using (var db = Db())
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(TestContext.Current.CancellationToken));
        }

        var chat = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        var sent = Connector.SentActivities.Count;
        await Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Na de fuzz"), "Wat moet er in een noodpakket?"));
        Assert.Contains("noodpakket", TextOf(CardOf(Connector.SentActivities.Skip(sent).Last())), StringComparison.OrdinalIgnoreCase);
    }

    // What the fuzz cases must leave alone: every knowledge version, the session started before, the feedback given.
    private async Task<string> SnapshotAsync()
    {
        await using var db = Db();
        var knowledge = await db.KnowledgeItemVersions.AsNoTracking().OrderBy(v => v.Id).Select(v => new { v.Id, v.ItemId, v.Number, v.Status, v.Content }).ToListAsync(TestContext.Current.CancellationToken);
        var items = await db.KnowledgeItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.PublishedVersionId, i.Version }).ToListAsync(TestContext.Current.CancellationToken);
        var sessions = await db.Sessions.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Version, s.State }).ToListAsync(TestContext.Current.CancellationToken);
        var reminders = await db.FollowUpReminders.AsNoTracking().CountAsync(TestContext.Current.CancellationToken);
        return JsonSerializer.Serialize(new { knowledge, items, sessions, reminders });
    }

    private WeerbaarDbContext Db() => Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
}
