using System.ComponentModel.DataAnnotations;

namespace Weerbaar.Bot.Knowledge;

/// <summary>Where the seed knowledge is and how quickly published changes reach the search. Bound from <c>Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The seed folder in the knowledge/ layout; relative paths are relative to the binaries (where knowledge/ is copied).</summary>
    [Required(AllowEmptyStrings = false)]
    public string SeedDirectory { get; set; } = "knowledge";

    /// <summary>Import the seed folder on start (DESIGN.md decision 6).</summary>
    public bool ImportSeedOnStart { get; set; } = true;

    /// <summary>Seconds between checks whether the published knowledge changed (through any instance).</summary>
    [Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 5;

    public string ResolveSeedDirectory() =>
        Path.IsPathRooted(SeedDirectory) ? SeedDirectory : Path.Combine(AppContext.BaseDirectory, SeedDirectory);
}
