using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Sessions;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Sessions;

/// <summary>
/// The repository's gesprekstool scenario passes its own validation against the repository's resources and articles,
/// and has the shape the content rules ask for: the five parts of the letter plus agreements, four injects, variants
/// for every kind of organisation, and a notice that points to the official tool.
/// </summary>
public sealed class ScenarioContentTests
{
    private static readonly Lazy<(Scenario? Scenario, IReadOnlyList<KnowledgeProblem> Problems)> Loaded = new(() =>
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var knowledge = KnowledgeSet.Load(KnowledgeFolder.Read(RepoPaths.Of("knowledge"), []), today).Set;
        var problems = new List<KnowledgeProblem>();
        var scenario = ScenarioParser.Parse(
            ScenarioParser.SeedPath,
            File.ReadAllText(ScenarioPath),
            today,
            knowledge.ResourcesById.Keys.ToHashSet(StringComparer.Ordinal),
            knowledge.ArticlesById.Keys.ToHashSet(StringComparer.Ordinal),
            problems);
        return (scenario, problems);
    });

    private static string ScenarioPath => RepoPaths.Of("knowledge", ScenarioParser.SeedPath);

    private static Scenario Scenario => Loaded.Value.Scenario ?? throw new InvalidOperationException(string.Join('\n', Loaded.Value.Problems));

    [Fact]
    public void RepositoryScenario_ParsesWithoutProblems()
    {
        Assert.Empty(Loaded.Value.Problems.Select(p => p.ToString()));
        Assert.NotNull(Loaded.Value.Scenario);
    }

    [Fact]
    public void RepositoryScenario_FollowsTheFivePartsAndEndsWithAgreements()
    {
        ScenarioPart[] expected =
        [
            ScenarioPart.Opening, ScenarioPart.Waarom, ScenarioPart.Spelregels,
            ScenarioPart.Scenario, ScenarioPart.Scenario, ScenarioPart.Scenario, ScenarioPart.Scenario,
            ScenarioPart.Bijdrage, ScenarioPart.Afspraken,
        ];

        Assert.Equal(expected, Scenario.Steps.Select(s => s.Part));
    }

    [Fact]
    public void RepositoryScenario_HasFourInjectsWithTheirThemes()
    {
        var injects = Scenario.Steps.Where(s => s.Part == ScenarioPart.Scenario).ToList();

        Assert.Equal(4, injects.Count);
        Assert.Contains("desinformatie", injects[0].Themes);
        Assert.Contains("telecom-ict", injects[0].Themes);
        Assert.Contains("DDoS", injects[0].Situation, StringComparison.Ordinal);
        Assert.Superset(new HashSet<string> { "energie", "telecom-ict", "betalingsverkeer" }, injects[1].Themes.ToHashSet());
        Assert.Contains("sabotage", injects[1].Situation, StringComparison.Ordinal);
        Assert.Contains("personeel", injects[2].Themes);
        Assert.Contains("72 uur", injects[2].Title, StringComparison.Ordinal);
        Assert.Contains("noodsteunpunt", injects[3].Situation, StringComparison.Ordinal);
        Assert.All(Scenario.Steps.Where(s => s.Part != ScenarioPart.Scenario), step => Assert.Empty(step.Themes));
    }

    [Fact]
    public void RepositoryScenario_HasVariantsForEveryKindOfOrganisation()
    {
        var kinds = Scenario.Steps.SelectMany(s => s.Questions).SelectMany(q => q.Variants.Keys).ToHashSet();

        Assert.Equal(Enum.GetValues<OrganisationKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void RepositoryScenario_TakesNinetyToHundredTwentyMinutes()
    {
        var total = Scenario.Steps.Sum(s => s.Minutes);

        Assert.InRange(total, 90, 120);
    }

    [Fact]
    public void RepositoryScenario_NoticeSaysItIsOurOwnAndPointsToNctvAndDefensie()
    {
        Assert.Contains("NCTV", Scenario.Notice, StringComparison.Ordinal);
        Assert.Contains("Defensie", Scenario.Notice, StringComparison.Ordinal);
        Assert.Contains("niet de officiële", Scenario.Notice, StringComparison.Ordinal);
        Assert.Contains(Scenario.Sources, s => s.Url is null && s.Date == "2024-12-06");
    }

    [Fact]
    public void RepositoryScenario_ClosesWithThreeActionsEachWithOwnerAndDate()
    {
        var closing = Scenario.Steps[^1];

        Assert.Contains("drie acties", closing.Situation, StringComparison.Ordinal);
        Assert.Contains("eigenaar", closing.Situation, StringComparison.Ordinal);
        Assert.Contains("datum", closing.Situation, StringComparison.Ordinal);
    }

    [Fact]
    public void RepositoryScenario_DoesNotPublishTheVideoPassword()
    {
        // The letter gives the download password to mayors only; the scenario points to the video, never the password.
        var password = File.ReadAllText(RepoPaths.Of("knowledge", "sources", "brief-burgemeesters-2024-12-06.md"))
            .Split("wachtwoord: **")[1].Split("**")[0];

        Assert.DoesNotContain(password, File.ReadAllText(ScenarioPath), StringComparison.Ordinal);
    }
}
