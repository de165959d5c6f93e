using System.Net;
using System.Text.Json.Nodes;
using Weerbaar.Tests.Sessions;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Privacy;

/// <summary>
/// A whole conversation with every log category at Trace (the framework's too), with unique markers in everything a
/// person types or is: names, ids, questions, comments, contributions, card input, the conversation id. None of the
/// markers may appear in any log entry or scope; each turn has its scope with a hash, never the conversation id.
/// </summary>
[Slow(SlowKind.Host)]
public sealed class LogLeakTests : IAsyncLifetime
{
    private const string Marker = "qzmark";
    private ConnectorStandIn _connector = null!;
    private BotApp _bot = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await ConnectorStandIn.StartAsync();
        var settings = new Dictionary<string, string?>();
        foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http", "System.Net.Http.HttpClient", "Polly", "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Bot" })
        {
            settings[$"Logging:LogLevel:{category}"] = "Trace";
        }

        _bot = new BotApp(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task WholeConversationAtTraceLevel_LeavesNoMarkerInAnyLogEntryOrScope()
    {
        var anna = new TeamsUser($"29:{Marker}-id-anna", $"Anna {Marker}naam", Guid.NewGuid().ToString());
        var personal = new TeamsConversation(TeamsScope.Personal, _connector.ServiceUrl);

        var answer = CardOf(await SendAsync(personal, anna, $"Wat moet er in een noodpakket {Marker}vraag?"));
        await SendAsync(personal, anna, $"Wie wint de Tour {Marker}onbekend?");
        var feedback = (JsonObject)ExecuteActions(answer).First(a => a!["verb"]!.GetValue<string>() == "notHelpful")!["data"]!.DeepClone();
        await InvokeAsync(personal, anna, "notHelpful", feedback);
        feedback["comment"] = $"Ik mis iets {Marker}commentaar";
        await InvokeAsync(personal, anna, "feedbackComment", feedback);

        var session = new SessionConversation(PostAsync, _connector, new TeamsConversation(TeamsScope.GroupChat, _connector.ServiceUrl));
        await session.StartAsync(anna, steps: ["opening", "afspraken"], organisation: $"Gemeente {Marker}org");
        await session.ContributeAsync(anna, $"Noodstroom {Marker}bijdrage");
        await SendAsync(personal, anna, "verwijder mijn gegevens");

        var entries = _bot.Logs.Entries;
        Assert.Contains(entries, e => e.StartsWith("Scope ", StringComparison.Ordinal) && e.Contains("ConversationHash=", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Trace", StringComparison.Ordinal));
        var leaks = entries.Where(e => e.Contains(Marker, StringComparison.OrdinalIgnoreCase)
            || e.Contains(personal.Id, StringComparison.Ordinal)
            || e.Contains(Uri.EscapeDataString(personal.Id), StringComparison.Ordinal)
            || e.Contains(session.Chat.Id, StringComparison.Ordinal)
            || e.Contains(Uri.EscapeDataString(session.Chat.Id), StringComparison.Ordinal)
            || e.Contains(anna.AadObjectId, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n---\n", leaks.Take(5)));
    }

    // Teams' activity ids are message numbers; the test conversation's own ids embed the conversation id.
    private Task<HttpResponseMessage> PostAsync(JsonNode activity)
    {
        activity["id"] = Random.Shared.NextInt64(1_600_000_000_000, 1_800_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _bot.PostActivityAsync(activity);
    }

    private async Task<JsonObject> SendAsync(TeamsConversation chat, TeamsUser user, string text)
    {
        var before = _connector.SentActivities.Count;
        var response = await PostAsync(chat.Message(user, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _connector.SentActivities.Skip(before).Last();
    }

    private async Task InvokeAsync(TeamsConversation chat, TeamsUser user, string verb, JsonObject data)
    {
        var response = await PostAsync(chat.CardAction(user, verb, (JsonObject)data.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
