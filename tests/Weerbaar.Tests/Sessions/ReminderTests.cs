using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The follow-up reminder, on a fake clock: chosen on the report card, posted once in the same conversation when due
/// (by the hosted service), given up after Teams refuses it, and dropped when the bot leaves the conversation.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class ReminderTests : ClockedSessionTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Gespreksleider");

    [Fact]
    public async Task ReminderChosenOnTheReport_IsPostedOnceInTheSameConversation_WhenDue()
    {
        var report = await CompleteSessionAsync();

        var scheduled = await PressReminderAsync(report, "4");
        Assert.Contains("Over 4 weken vraag ik", scheduled["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var before = Connector.SentActivities.Count;

        Clock.Advance(TimeSpan.FromDays(7 * 4) + TimeSpan.FromMinutes(2));
        var sent = await Connector.WaitForSentAsync(before + 1);

        var reminder = sent[^1];
        Assert.Equal(Session.Chat.Id, reminder["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains("Hoe staat het met de afspraken?", reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Noodplan oefenen", reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await Sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(before + 1, Connector.SentActivities.Count);
    }

    [Fact]
    public async Task ReminderRefusedByTeams_IsGivenUp_NotRetriedForever()
    {
        await PressReminderAsync(await CompleteSessionAsync(), "4");
        Connector.FailNext(1, HttpStatusCode.Forbidden);
        var before = Connector.Calls.Count;

        Clock.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        var status = await WaitForReminderAsync(s => s != ReminderStatus.Pending);
        Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(ReminderStatus.Failed, status);
        Assert.Equal(0, await Sender.SendDueAsync(CancellationToken.None));
        Assert.Single(Connector.Calls.Skip(before), c => c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply);
    }

    [Fact]
    public async Task BotRemovedFromTheConversation_DropsItsPendingReminders()
    {
        await PressReminderAsync(await CompleteSessionAsync(), "8");
        var removed = Session.Chat.BotAdded(_lead);
        removed.Remove("membersAdded");
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = Session.Chat.Bot.Id });

        var response = await Bot.PostActivityAsync(removed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
        Assert.Empty(await db.FollowUpReminders.ToListAsync());
    }

    [Fact]
    public async Task OnlyTheFacilitatorCanSetTheReminder()
    {
        var report = await CompleteSessionAsync();

        var refused = await Session.InvokeCardAsync(TeamsUser.Create("Deelnemer"), "sessionReminder", ReminderData(report, "4"));

        Assert.Contains("Alleen de gespreksleider", refused["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private ReminderSender Sender => Bot.Services.GetRequiredService<ReminderSender>();

    // The hosted service runs on its own after the clock moved; this waits for its outcome, with a real-time limit.
    private async Task<ReminderStatus> WaitForReminderAsync(Func<ReminderStatus, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
            var status = (await db.FollowUpReminders.SingleAsync()).Status;
            if (done(status) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private async Task<JsonObject> CompleteSessionAsync()
    {
        var view = await Session.StartAsync(_lead, steps: ["opening", "afspraken"]);
        view = await Session.PressAsync(_lead, view, "sessionNext");
        view = await Session.PressAsync(_lead, view, "sessionAgreement", inputs: new JsonObject
        {
            ["agreementWhat"] = "Noodplan oefenen",
            ["agreementOwner"] = "crisiscoördinator",
            ["agreementDue"] = "2027-03-01",
        });
        await Session.PressAsync(_lead, view, "sessionComplete");
        return CardOf(Connector.SentActivities.Last(a => a["summary"]?.GetValue<string>()?.StartsWith("Verslag:", StringComparison.Ordinal) == true));
    }

    private Task<JsonObject> PressReminderAsync(JsonObject report, string weeks) => Session.InvokeCardAsync(_lead, "sessionReminder", ReminderData(report, weeks));

    private static JsonObject ReminderData(JsonObject report, string weeks) =>
        (JsonObject)ExecuteActions(report).First(a => a!["verb"]!.GetValue<string>() == "sessionReminder" && a["data"]!["weeks"]!.GetValue<string>() == weeks)!["data"]!.DeepClone();
}
