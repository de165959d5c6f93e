using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Sessions;

/// <summary>The kind of organisation a session is held in; some questions differ per kind.</summary>
public enum OrganisationKind
{
    Gemeente,
    Bedrijf,

    /// <summary>Zorg, onderwijs or another maatschappelijke organisatie.</summary>
    Maatschappelijk,
}

/// <summary>The five parts the letter to the mayors names, plus the closing agreements.</summary>
public enum ScenarioPart
{
    /// <summary>Opening and threat picture (with the video).</summary>
    Opening,

    /// <summary>Why this conversation matters.</summary>
    Waarom,

    /// <summary>How we hold it: ground rules.</summary>
    Spelregels,

    /// <summary>A step (inject) of the escalating scenario.</summary>
    Scenario,

    /// <summary>What can we contribute in an emergency.</summary>
    Bijdrage,

    /// <summary>Agreements and follow-up.</summary>
    Afspraken,
}

/// <summary>A discussion question; <see cref="Variants"/> replace the text for some kinds of organisation.</summary>
public sealed record ScenarioQuestion(string Id, string Text, IReadOnlyDictionary<OrganisationKind, string> Variants)
{
    public string TextFor(OrganisationKind kind) => Variants.TryGetValue(kind, out var variant) ? variant : Text;
}

/// <summary>One step of a session: what the group reads, the themes it touches and the questions it discusses.</summary>
public sealed record ScenarioStep(
    string Id,
    ScenarioPart Part,
    string Title,
    int Minutes,
    string Situation,
    IReadOnlyList<string> Themes,
    IReadOnlyList<ScenarioQuestion> Questions,
    IReadOnlyList<string> ResourceIds,
    IReadOnlyList<string> ArticleIds);

/// <summary>
/// The gesprekstool scenario: Weerbaar's own adaptation of the official tool of NCTV and Defensie (whose text is not
/// public), built on the five parts the letter to the mayors names. <see cref="Notice"/> says so to users.
/// </summary>
public sealed record Scenario(
    string Id,
    string Title,
    string Notice,
    IReadOnlyList<SourceReference> Sources,
    DateOnly LastChecked,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>What the facilitator prepares before starting (front matter <c>voorbereiding</c>); only on the setup card.</summary>
    public string? Preparation { get; init; }

    /// <summary>The themes a scenario step may name.</summary>
    public static IReadOnlyList<string> Themes { get; } =
        ["energie", "telecom-ict", "drinkwater", "betalingsverkeer", "transport", "zorg", "personeel", "communicatie", "desinformatie"];

    public ScenarioStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}
