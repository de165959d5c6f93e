using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// <c>/healthz/ready</c> tells a load balancer whether to send traffic: the database answers and the search index is
/// loaded. <c>/healthz</c> stays the liveness check it was (the database only).
/// </summary>
[Slow(SlowKind.Host)]
public sealed class ReadinessTests : LocalBotTest
{
    [Fact]
    public async Task Readiness_Is200_OnAStartedBotWithSeededKnowledge()
    {
        using var client = Bot.CreateClient();

        var response = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_Is503_WhileTheSearchIndexIsNotLoaded_ButLivenessStays200()
    {
        // Without the loader nothing ever builds the index: the state of an instance still starting up.
        await using var bot = new BotApp(services: services =>
        {
            foreach (var loader in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "KnowledgeLoader").ToList())
            {
                services.Remove(loader);
            }
        });
        using var client = bot.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");
        var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Readiness_Is503_WhenTheDatabaseIsGone()
    {
        var folder = TestDirectories.Create("db");
        var path = Path.Combine(folder, "weerbaar.db");
        await using var bot = new BotApp(new Dictionary<string, string?> { ["ConnectionStrings:Weerbaar"] = $"Data Source={path};Pooling=False" });
        using var client = bot.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        // Replace the database file with something that is not a SQLite database.
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(path, "this is not a database");

        var response = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
