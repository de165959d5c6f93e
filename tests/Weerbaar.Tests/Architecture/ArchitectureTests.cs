using System.Reflection;
using System.Text.Json.Nodes;
using Weerbaar.Core.Answering;

namespace Weerbaar.Tests.Architecture;

/// <summary>
/// Weerbaar.Core stays free of the Bot Framework (archived upstream; its successor is the Microsoft 365 Agents SDK),
/// so a later move touches Weerbaar.Bot only.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Answerer).Assembly;

    [Fact]
    public void Core_ReferencesNoBotFrameworkAssembly()
    {
        var botReferences = Core.GetReferencedAssemblies().Where(IsBotFramework).Select(a => a.Name).ToList();

        Assert.Empty(botReferences);
    }

    [Fact]
    public void Core_DependsOnNoBotFrameworkPackage()
    {
        // The deps file lists every package Core pulls in, used or not, so an unused reference is caught too.
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Weerbaar.Core.deps.json")))!;
        var packages = deps["libraries"]!.AsObject().Select(library => library.Key).ToList();

        Assert.Contains(packages, p => p.StartsWith("Microsoft.EntityFrameworkCore/", StringComparison.Ordinal));
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.Bot", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(packages, p => p.StartsWith("AdaptiveCards", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void BotAssembly_DoesReferenceTheBotFramework_SoTheCoreCheckCanFail()
    {
        var bot = typeof(Weerbaar.Bot.Conversation.WeerbaarBot).Assembly;

        Assert.Contains(bot.GetReferencedAssemblies(), IsBotFramework);
    }

    [Fact]
    public void BotAssembly_ShipsNoTestLab_NoHarnessOrTestSupportReference()
    {
        // Benchmarks, load, soak and fuzz runs, the echo bot and the connector stand-in live in the harness and the
        // test-support library: a deployed bot cannot spawn bots, fake Teams or drop databases.
        var bot = typeof(Weerbaar.Bot.Conversation.WeerbaarBot).Assembly;
        var lab = bot.GetTypes().Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).Where(t => t.Name.Contains("Bench", StringComparison.Ordinal) || t.Name.Contains("Load", StringComparison.Ordinal)
                || t.Name.Contains("Soak", StringComparison.Ordinal) || t.Name.Contains("Fuzz", StringComparison.Ordinal) || t.Name.Contains("Echo", StringComparison.Ordinal))
            .Select(t => t.FullName).ToList();

        Assert.DoesNotContain(lab, name => name is not null && !name.Contains("KnowledgeLoader", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.GetReferencedAssemblies(), a => a.Name is "Weerbaar.Testing" or "Weerbaar.Harness");
        Assert.Contains(typeof(Weerbaar.Harness.Fuzz.ActivityFuzzer).Assembly.GetTypes(), t => t.Name == "LoadCommand");
    }

    private static bool IsBotFramework(AssemblyName name) =>
        name.Name?.StartsWith("Microsoft.Bot", StringComparison.OrdinalIgnoreCase) == true;
}
