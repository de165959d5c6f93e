namespace Weerbaar.Core.Knowledge;

/// <summary>What a seed import did (DESIGN.md decision 6).</summary>
public sealed record SeedReport(
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> WaitingForAdmin,
    IReadOnlyList<KnowledgeProblem> Problems)
{
    public bool ChangedPublished => Created.Count > 0 || Updated.Count > 0;
}
