using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Storage;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// Two organisations (Entra tenants) on one deployment: each one's unanswered questions, feedback, sessions and reports
/// stay with it, while the knowledge is shared; a tenant the deployment does not serve is refused before anything runs.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class TenantTests : IAsyncLifetime
{
    private const string TenantA = "aaaaaaaa-0000-4000-8000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-4000-8000-00000000000b";

    private readonly TeamsUser _adminA = TeamsUser.Create("Beheerder A");
    private readonly TeamsUser _adminB = TeamsUser.Create("Beheerder B");
    private readonly TeamsUser _userA = TeamsUser.Create("Gebruiker A");
    private readonly TeamsUser _userB = TeamsUser.Create("Gebruiker B");
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        _bot = new BotApp(new Dictionary<string, string?>
        {
            ["Bot:AllowedTenants:0"] = TenantA,
            ["Bot:AllowedTenants:1"] = TenantB,
            ["Admin:UserAadObjectIds:0"] = _adminA.AadObjectId,
            ["Admin:UserAadObjectIds:1"] = _adminB.AadObjectId,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ActivityFromATenantTheDeploymentDoesNotServe_Gets403_AndNothingRuns()
    {
        var foreign = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl, tenantId: "cccccccc-0000-4000-8000-00000000000c");

        var response = await _bot.PostActivityAsync(foreign.Message(_userA, "Wie wint de Tour de France dit jaar?"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Calls);
        await using var db = Db();
        Assert.Empty(await db.UnansweredQuestions.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.StateRecords.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ActivityWithoutATenant_IsRefusedWhenTenantsAreListed()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl, tenantId: string.Empty);
        var activity = chat.Message(_userA, "hallo");
        activity.Remove("channelData");
        activity["conversation"]!.AsObject().Remove("tenantId");

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task TenantInChannelDataWithOtherCasing_IsTheTenantTheSdkReads()
    {
        // Newtonsoft, which the SDK reads channelData with, matches property names regardless of case.
        var chat = Personal(TenantA);
        var served = chat.Message(_userA, "Wat moet er in een noodpakket?");
        served["channelData"] = new JsonObject { ["Tenant"] = new JsonObject { ["ID"] = TenantA.ToUpperInvariant() } };
        served["conversation"]!.AsObject().Remove("tenantId");
        var smuggled = chat.Message(_userA, "Hoe laat vertrekt de veerboot naar Texel?");
        smuggled["channelData"] = new JsonObject { ["TENANT"] = new JsonObject { ["id"] = "cccccccc-0000-4000-8000-00000000000c" } };

        var servedResponse = await _bot.PostActivityAsync(served);
        var answers = _connector.SentActivities.Count;
        var smuggledResponse = await _bot.PostActivityAsync(smuggled);

        Assert.Equal(HttpStatusCode.OK, servedResponse.StatusCode);
        Assert.NotEqual(0, answers);
        Assert.Equal(HttpStatusCode.Forbidden, smuggledResponse.StatusCode);
        Assert.Equal(answers, _connector.SentActivities.Count);
        await using var db = Db();
        Assert.Empty(await db.UnansweredQuestions.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnansweredQuestionsAndFeedback_AreListedOnlyToTheAdminsOfTheirOwnTenant()
    {
        var chatA = Personal(TenantA);
        var chatB = Personal(TenantB);
        await SendAsync(chatA, _userA, "Hoe laat vertrekt de veerboot naar Texel?");
        await SendAsync(chatB, _userB, "Hoeveel erwten gaan er in erwtensoep?");
        var answerB = CardOf(await SendAsync(chatB, _userB, "Wat moet er in een noodpakket?"));
        var feedback = (JsonObject)ExecuteActions(answerB).First(a => a!["verb"]!.GetValue<string>() == "notHelpful")!["data"]!.DeepClone();
        await InvokeAsync(chatB, _userB, "notHelpful", feedback);
        var comment = (JsonObject)feedback.DeepClone();
        comment["comment"] = "Geen woord over erwtensoep";
        await InvokeAsync(chatB, _userB, "feedbackComment", comment);

        var questionsA = TextOf(CardOf(await SendAsync(Personal(TenantA), _adminA, "beheer vragen")));
        var questionsB = TextOf(CardOf(await SendAsync(Personal(TenantB), _adminB, "beheer vragen")));
        var feedbackA = TextOf(CardOf(await SendAsync(Personal(TenantA), _adminA, "beheer feedback")));
        var feedbackB = TextOf(CardOf(await SendAsync(Personal(TenantB), _adminB, "beheer feedback")));

        Assert.Contains("veerboot naar Texel", questionsA, StringComparison.Ordinal);
        Assert.DoesNotContain("erwtensoep", questionsA, StringComparison.Ordinal);
        Assert.Contains("erwtensoep", questionsB, StringComparison.Ordinal);
        Assert.DoesNotContain("veerboot", questionsB, StringComparison.Ordinal);
        Assert.Contains("Geen woord over erwtensoep", feedbackB, StringComparison.Ordinal);
        Assert.DoesNotContain("erwtensoep", feedbackA, StringComparison.Ordinal);
        Assert.DoesNotContain("× 👎", feedbackA, StringComparison.Ordinal);
        Assert.Contains("1× 👎", feedbackB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionOfOneTenant_CannotBeSeenOrChangedFromAnotherTenantsConversation()
    {
        var sessionA = new SessionConversation(_bot, _connector, new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl, tenantId: TenantA));
        await sessionA.StartAsync(_adminA, organisation: "Gemeente Alfa");
        await sessionA.ContributeAsync(_userA, "Geheime bijdrage van Alfa");
        var sessionId = sessionA.SessionId;

        var chatB = new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl, tenantId: TenantB);
        var intruder = new SessionConversation(_bot, _connector, chatB);
        var view = await intruder.InvokeCardAsync(_userB, "sessionView", new JsonObject { ["sessionId"] = sessionId });
        var contribute = await intruder.InvokeCardAsync(_userB, "sessionContribute", new JsonObject { ["sessionId"] = sessionId, ["question"] = "0", ["answer_0"] = "Inbraak" });
        var report = await intruder.SendAsync(chatB.Message(_userB, "verslag"));

        Assert.DoesNotContain("Alfa", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("sessie", view["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alfa", contribute.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Alfa", report.ToJsonString(), StringComparison.Ordinal);
        await using var db = Db();
        var stored = await db.Sessions.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TenantA, stored.TenantId);
        Assert.DoesNotContain("Inbraak", stored.State, StringComparison.Ordinal);
        Assert.Contains("Geheime bijdrage van Alfa", stored.State, StringComparison.Ordinal);
    }

    private TeamsConversation Personal(string tenant) => new(TeamsScope.Personal, _connector.ServiceUrl, tenantId: tenant);

    private WeerbaarDbContext Db() => _bot.Services.GetRequiredService<IDbContextFactory<WeerbaarDbContext>>().CreateDbContext();

    private async Task<JsonObject> SendAsync(TeamsConversation chat, TeamsUser user, string text)
    {
        var before = _connector.SentActivities.Count;
        var response = await _bot.PostActivityAsync(chat.Message(user, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _connector.SentActivities.Skip(before).Last();
    }

    private async Task InvokeAsync(TeamsConversation chat, TeamsUser user, string verb, JsonObject data)
    {
        var response = await _bot.PostActivityAsync(chat.CardAction(user, verb, data));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
