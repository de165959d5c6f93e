using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Knowledge;

/// <summary>
/// The limits every knowledge file is read with, whatever way it comes in: how deep lists and maps may sit inside each
/// other, and how long one value may be. Past a limit the file is refused with one problem that names it.
/// </summary>
public sealed class KnowledgeLimitsTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private const string Resource = """
        - id: proef
          title: Een proefhulpmiddel
          kind: website
          url: https://example.org/proef
          audience: [iedereen]
          description: Een hulpmiddel dat alleen in deze test bestaat.

        """;

    [Fact]
    public void FrontMatterNestedDeeperThanTheLimit_IsRefused_WithOneProblemThatSaysSo()
    {
        var depth = KnowledgeLimits.MaxNestingDepth + 1;
        var text = $"---\nid: diep\ntitle: Een diep artikel\ntags: {new string('[', depth)}x{new string(']', depth)}\n---\n\nTekst.\n";

        var load = KnowledgeSet.Load([KnowledgeFile.ForArticle("diep", text)], Today);

        var problem = Assert.Single(load.Problems);
        Assert.Equal($"articles/diep.md:4: the YAML is nested deeper than {KnowledgeLimits.MaxNestingDepth} levels of lists and maps", problem.ToString());
        Assert.Empty(load.Set.Articles);
    }

    [Fact]
    public void AResourceWithAValueLongerThanTheLimit_IsRefused_AlsoWhereTheFieldHasNoLengthRuleOfItsOwn()
    {
        var fits = Resource + $"  notes: {new string('a', KnowledgeLimits.MaxValueLength)}\n";
        var tooLong = Resource + $"  notes: {new string('a', KnowledgeLimits.MaxValueLength + 1)}\n";

        var accepted = KnowledgeSet.Load([KnowledgeFile.ForPath(KnowledgeFile.ResourceCatalogPath, fits)], Today);
        var refused = KnowledgeSet.Load([KnowledgeFile.ForPath(KnowledgeFile.ResourceCatalogPath, tooLong)], Today);

        Assert.Empty(accepted.Problems);
        Assert.Single(accepted.Set.Resources);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal($"resources.yaml:7: 'notes' is longer than {KnowledgeLimits.MaxValueLength} characters", problem.ToString());
        Assert.Empty(refused.Set.Resources);
    }

    [Fact]
    public void ASeedFolderFileLargerThanTheLimit_IsLeftOut_WithAProblem_AndTheOtherFilesAreRead()
    {
        var folder = TestDirectories.Create("limits-folder");
        Directory.CreateDirectory(Path.Combine(folder, "articles"));
        File.WriteAllText(Path.Combine(folder, KnowledgeFile.ResourceCatalogPath), Resource + $"  notes: {new string('a', 10 * 1024 * 1024)}\n");
        File.WriteAllText(Path.Combine(folder, KnowledgeFile.SynonymsPath), "noodpakket, noodtas\n");

        var problems = new List<KnowledgeProblem>();
        var files = KnowledgeFolder.Read(folder, problems);

        Assert.Equal([KnowledgeFile.SynonymsPath], files.Select(f => f.Path));
        Assert.Equal($"resources.yaml:1: the content is larger than {KnowledgeLimits.MaxFileLength / 1024} KB", Assert.Single(problems).ToString());
    }
}
