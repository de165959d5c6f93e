using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// In an anonymous session the database holds no Teams or Entra id of a participant: contributions are stored under a
/// pseudonym for this session, which is enough for the author to see, edit and withdraw their own. A session stored
/// before, with Teams ids, keeps working and loses the ids at its next change.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class AnonymousAuthorTests : LocalBotTest
{
    private readonly TeamsUser _lead = TeamsUser.Create("Fenna Facilitator");
    private readonly TeamsUser _anna = TeamsUser.Create("Anna Ambtenaar");
    private readonly TeamsUser _bram = TeamsUser.Create("Bram Beleid");
    private SessionConversation? _session;

    private SessionConversation Session => _session ??= new SessionConversation(Bot, Connector, new TeamsConversation(TeamsScope.GroupChat, Connector.ServiceUrl));

    [Fact]
    public async Task AnonymousSession_StoresNoParticipantId_YetTheAuthorEditsAndWithdrawsTheirOwn()
    {
        await Session.StartAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_bram, "Van Bram");
        await Session.ContributeAsync(_anna, "Tweede van Anna");
        var view = await Session.ContributeAsync(_anna, "Eerste versie");

        var edit = ExecuteActions(view).First(a => a!["verb"]!.GetValue<string>() == "sessionEdit" && a["data"]!["contribution"] is not null)!["data"]!.AsObject();
        var inputId = "edit_" + Guid.Parse(edit["contribution"]!.GetValue<string>()).ToString("N");
        var stolen = await Session.PressAsync(_bram, view, "sessionEdit", inputs: new JsonObject { [inputId] = "Overschreven" });
        var edited = await Session.PressAsync(_anna, view, "sessionEdit", inputs: new JsonObject { [inputId] = "Verbeterde versie" });
        Assert.Contains("U kunt alleen uw eigen bijdragen aanpassen", TextOf(stolen), StringComparison.Ordinal);
        Assert.Contains("Uw bijdrage is aangepast", TextOf(edited), StringComparison.Ordinal);
        var withdrawn = await Session.PressAsync(_anna, edited, "sessionWithdraw", d => d["contribution"]!.GetValue<string>() != edit["contribution"]!.GetValue<string>());
        Assert.Contains("Uw bijdrage is ingetrokken", TextOf(withdrawn), StringComparison.Ordinal);
        await Session.PressAsync(_anna, await Session.ViewAsync(_anna), "sessionReady");

        var state = await StateAsync();
        Assert.Equal(["Van Bram", "Verbeterde versie"], state.Contributions.Select(c => c.Text));
        var stored = await EverythingStoredAsync();
        foreach (var user in new[] { _anna, _bram })
        {
            Assert.DoesNotContain(user.Id, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(user.AadObjectId, stored, StringComparison.Ordinal);
        }

        // The pseudonym holds for this session only: Anna's is not Bram's, and the facilitator is still known.
        Assert.NotEqual(state.Contributions[0].AuthorKey, state.Contributions[1].AuthorKey);
        Assert.Equal(_lead.Id, state.FacilitatorKey);
    }

    [Fact]
    public async Task AnonymousSessionStoredWithTeamsIds_StillLetsTheAuthorWithdraw_AndLosesTheIdsAtItsNextChange()
    {
        await Session.StartAsync(_lead, anonymous: true, steps: ["opening", "afspraken"]);
        await Session.ContributeAsync(_anna, "Oude bijdrage");
        await Session.ContributeAsync(_bram, "Oude bijdrage van Bram");
        await StoreAsBeforeAsync(new() { ["Oude bijdrage"] = _anna.Id, ["Oude bijdrage van Bram"] = _bram.Id });

        var view = await Session.ViewAsync(_anna);
        Assert.Contains("Oude bijdrage", TextOf(view), StringComparison.Ordinal);
        var withdrawn = await Session.PressAsync(_anna, view, "sessionWithdraw");

        Assert.Contains("Uw bijdrage is ingetrokken", TextOf(withdrawn), StringComparison.Ordinal);
        Assert.Equal(["Oude bijdrage van Bram"], (await StateAsync()).Contributions.Select(c => c.Text));
        await using var db = Db();
        var record = await db.Sessions.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(_bram.Id, record.State, StringComparison.Ordinal);
    }

    // Rewrites the stored state as the bot before pseudonyms wrote it: the Teams id as the author key.
    private async Task StoreAsBeforeAsync(Dictionary<string, string> authors)
    {
        await using var db = Db();
        var record = await db.Sessions.SingleAsync(TestContext.Current.CancellationToken);
        var state = SessionStateJson.Deserialize(record.State);
        state = state with { Contributions = [.. state.Contributions.Select(c => c with { AuthorKey = authors[c.Text] })] };
        record.State = SessionStateJson.Serialize(state);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task<SessionState> StateAsync() =>
        (await Bot.Services.GetRequiredService<SessionStore>().LoadAsync(Guid.Parse(Session.SessionId), TestContext.Current.CancellationToken))!.State;

    private async Task<string> EverythingStoredAsync()
    {
        await using var db = Db();
        var sessions = await db.Sessions.AsNoTracking().Select(s => s.State).ToListAsync(TestContext.Current.CancellationToken);
        var actions = await db.SessionActions.AsNoTracking().Select(a => a.Key + "|" + a.Decision).ToListAsync(TestContext.Current.CancellationToken);
        return string.Join("\n", sessions.Concat(actions));
    }

    private WeerbaarDbContext Db() => Bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();
}
