using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Weerbaar.Core.Knowledge;
using Weerbaar.Tests.Support;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Knowledge;

/// <summary>A change in the published knowledge reaches the answers within seconds, without a restart.</summary>
[Slow(SlowKind.Host)]
public sealed class KnowledgeRefreshTests
{
    [Fact]
    public async Task PublishedChange_IsAnsweredWithinSeconds_WithoutARestart()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        await using var bot = new BotApp(new Dictionary<string, string?> { ["Knowledge:RefreshSeconds"] = "1" });
        var chat = new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl);
        Assert.Equal("Wat hoort er in een noodpakket?", await TitleAsync());

        // What an admin's publish (or a redeploy through another instance) does: a new published version in the database.
        var changed = RepositoryKnowledge.Files.Select(f => f.Key == "noodpakket"
            ? f with { Text = Regex.Replace(f.Text, "(?m)^title: .*$", "title: Wat stopt u in een noodpakket?") }
            : f).ToList();
        await bot.Services.GetRequiredService<KnowledgeStore>().ImportSeedAsync(changed, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var title = await TitleAsync();
        while (title != "Wat stopt u in een noodpakket?" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            title = await TitleAsync();
        }

        Assert.Equal("Wat stopt u in een noodpakket?", title);

        async Task<string> TitleAsync()
        {
            var before = connector.SentActivities.Count;
            var response = await bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "Wat moet er in een noodpakket?"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The answer card names its article in its small line "Uit: <titel> · Stand: …".
            var from = TextOf(CardOf(connector.SentActivities[before])).Split('\n').Single(line => line.StartsWith("Uit: ", StringComparison.Ordinal));
            return from["Uit: ".Length..from.IndexOf(" · Stand", StringComparison.Ordinal)];
        }
    }
}
