using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Privacy;

/// <summary>
/// "verwijder mijn gegevens" for a user who left data of every kind: contributions (also in an anonymous session),
/// sessions led, card actions kept against double clicks, the last question in a group chat, the personal chat's
/// state and a session and reminder there, and knowledge versions and audit lines as an admin. Afterwards the database
/// holds none of it, another member's data is untouched, and the reply counts each kind.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class ErasureOfEveryKindTests : LocalBotTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Gespreksleider");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram");

    [Fact]
    public async Task Erasure_LeavesNothingOfTheUser_KeepsOthersData_AndCountsEachKind()
    {
        var cancel = TestContext.Current.CancellationToken;
        var open = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await open.StartAsync(_lead, steps: ["opening", "afspraken"]);
        await open.ContributeAsync(_anna, "Zij denkt aan noodstroom");
        await open.ContributeAsync(_anna, "Zij denkt aan water");
        await open.ContributeAsync(_bram, "Bram denkt aan radio");
        var anonymous = new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));
        await anonymous.StartAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);
        await anonymous.ContributeAsync(_anna, "Anoniem van haar");
        await anonymous.ContributeAsync(_bram, "Anoniem van Bram");
        var annaAuthorBefore = await AuthorOfAsync("Anoniem van haar");
        var bramAuthorBefore = await AuthorOfAsync("Anoniem van Bram");

        // Questions in the group chat keep a last question per member in the conversation state.
        await PostAsync(open.Chat.Message(_anna, "Wat moet er in een noodpakket?"));
        await PostAsync(open.Chat.Message(_bram, "Wat moet er in een noodpakket?"));

        // The personal chat: a question, a session she leads there, and a reminder for it.
        var personal = new TeamsConversation(TeamsScope.Personal, Connector.ServiceUrl);
        await PostAsync(personal.Message(_anna, "Wat moet er in een noodpakket?"));
        var own = new SessionConversation(Bot, Connector, personal);
        await own.StartAsync(_anna, steps: ["opening", "afspraken"]);
        var ownId = Guid.Parse(own.SessionId);
        var ownSession = (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(ownId, cancel))!;
        await Bot.Services.GetRequiredService<ReminderStore>().ScheduleAsync(ownId, ownSession.Place, personal.Bot.Id, DateTimeOffset.UtcNow.AddDays(14), cancel);

        // As a knowledge admin she saved a draft: her name is on the version and in the audit trail.
        await SaveDraftAsAsync(_anna, "noodpakket");

        var reply = await PostAsync(personal.Message(_anna, "verwijder mijn gegevens"));

        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("- 3 bijdragen aan gesprekssessies zijn losgekoppeld van u.", text, StringComparison.Ordinal);
        Assert.Contains("- 1 sessie die u leidde, staat niet meer op uw naam.", text, StringComparison.Ordinal);
        Assert.Contains("- 1 laatste vraag in een groepsgesprek is gewist.", text, StringComparison.Ordinal);
        Assert.Contains("- 5 klikgegevens van sessiekaarten zijn gewist.", text, StringComparison.Ordinal);
        Assert.Contains("- 2 verwijzingen naar deze chat in sessies en herinneringen zijn gewist.", text, StringComparison.Ordinal);
        Assert.Contains("- 1 versie in de kennisbank draagt uw naam niet meer.", text, StringComparison.Ordinal);
        Assert.Contains("- 1 regel in het beheerlogboek draagt uw naam niet meer.", text, StringComparison.Ordinal);

        await using var db = Db();
        var everything = string.Join("\n",
            (await db.Sessions.AsNoTracking().ToListAsync(cancel)).Select(s => string.Join("|", s.State, s.FacilitatorUserId, s.ConversationId, s.ServiceUrl))
                .Concat((await db.SessionActions.AsNoTracking().ToListAsync(cancel)).Select(a => a.Key + "|" + a.Decision))
                .Concat((await db.StateRecords.AsNoTracking().ToListAsync(cancel)).Select(r => r.Key + "|" + r.Document))
                .Concat((await db.FollowUpReminders.AsNoTracking().ToListAsync(cancel)).Select(r => r.ConversationId))
                .Concat((await db.KnowledgeItemVersions.AsNoTracking().ToListAsync(cancel)).Select(v => v.Author))
                .Concat((await db.KnowledgeAudit.AsNoTracking().ToListAsync(cancel)).Select(e => e.ActorId + "|" + e.ActorName)));
        Assert.DoesNotContain(_anna.Id, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_anna.AadObjectId, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(_anna.Name, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(personal.Id, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(annaAuthorBefore, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(MemberKey(_anna), everything, StringComparison.Ordinal);

        // Bram's data is where it was: his contributions, his last question in the group chat.
        Assert.Contains(_bram.Id, everything, StringComparison.Ordinal);
        Assert.Equal(bramAuthorBefore, await AuthorOfAsync("Anoniem van Bram"));
        Assert.Contains(MemberKey(_bram), everything, StringComparison.Ordinal);
        Assert.Contains("Zij denkt aan noodstroom", everything, StringComparison.Ordinal);
        Assert.Contains("Anoniem van haar", everything, StringComparison.Ordinal);
    }

    private async Task<string> AuthorOfAsync(string text)
    {
        await using var db = Db();
        foreach (var record in await db.Sessions.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
        {
            if (SessionStateJson.Deserialize(record.State).Contributions.FirstOrDefault(c => c.Text == text) is { } contribution)
            {
                return contribution.AuthorKey;
            }
        }

        throw new InvalidOperationException($"No contribution '{text}'.");
    }

    private async Task SaveDraftAsAsync(TeamsUser admin, string key)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var db = Db();
        var item = await db.KnowledgeItems.AsNoTracking().SingleAsync(i => i.Kind == KnowledgeKind.Article && i.Key == key, cancel);
        var content = (await db.KnowledgeItemVersions.AsNoTracking().Where(v => v.ItemId == item.Id).OrderByDescending(v => v.Number).FirstAsync(cancel)).Content;
        var outcome = await Bot.Services.GetRequiredService<KnowledgeEditor>().SaveDraftAsync(
            KnowledgeKind.Article, key, content + "\nNog een zin over water.\n", new KnowledgeActor(admin.AadObjectId, admin.Name), "Zin over water", item.Version, cancel);
        Assert.Equal(EditResult.Saved, outcome.Result);
    }

    private static string MemberKey(TeamsUser user) =>
        LastAnswerPerUser.KeyOf(new Activity { From = new ChannelAccount(user.Id, user.Name) { AadObjectId = user.AadObjectId } })!;

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        var before = Connector.SentActivities.Count;
        var response = await Bot.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Connector.SentActivities.Skip(before).Last();
    }

    private WeerbaarDbContext Db() => Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
}
