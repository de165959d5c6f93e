using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// Reads the gesprekstool scenario file (<c>knowledge/gesprekstool/scenario.yaml</c>) and checks every field, naming
/// file and line in each problem. Returns the scenario only when there are no problems, so a broken edit is never run.
/// </summary>
/// <remarks>
/// The file is a map with <c>id</c>, <c>title</c>, <c>notice</c>, optional <c>voorbereiding</c> (shown to the facilitator
/// on the setup card only), <c>sources</c> (as in articles),
/// <c>laatst_gecontroleerd</c> and <c>steps</c>. Each step has <c>id</c>, <c>part</c>, <c>title</c>, <c>minutes</c>,
/// <c>situation</c>, <c>themes</c> (scenario steps only), 1–4 <c>questions</c> (<c>id</c>, <c>text</c>, optional
/// <c>variants</c> per organisation kind) and optional <c>resources</c> and <c>articles</c>. The steps follow the
/// parts in order, every part at least once, ending with <c>afspraken</c>.
/// </remarks>
public static class ScenarioParser
{
    /// <summary>Where the seed scenario lives, relative to the knowledge folder.</summary>
    public const string SeedPath = "gesprekstool/scenario.yaml";

    public const int MinStepMinutes = 1;
    public const int MaxStepMinutes = 120;

    /// <summary>
    /// Bounds on the sum of all steps. A session is run in 60, 90 or 120 minutes with the durations scaled, so the
    /// scenario's own total only has to stay in a range where that scaling still makes sense.
    /// </summary>
    public const int MinTotalMinutes = 60;

    public const int MaxTotalMinutes = 180;

    public const int MaxSteps = 30;
    public const int MaxQuestions = 4;

    // Keeps a step's card well inside the Teams card budget, with room for questions and buttons.
    public const int MaxSituationLength = 900;
    public const int MaxQuestionLength = 300;
    public const int MaxPreparationLength = 800;

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "title", "notice", "voorbereiding", "sources", "laatst_gecontroleerd", "steps",
    };

    /// <param name="file">The file's name, for problems (e.g. <c>gesprekstool/scenario.yaml</c>).</param>
    /// <param name="today">The date "laatst gecontroleerd" may not be after.</param>
    /// <param name="resourceIds">The ids of the resources catalogue that steps may refer to.</param>
    /// <param name="articleIds">The ids of the articles that steps may refer to.</param>
    public static Scenario? Parse(
        string file, string text, DateOnly today, IReadOnlySet<string> resourceIds, IReadOnlySet<string> articleIds, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(resourceIds);
        ArgumentNullException.ThrowIfNull(articleIds);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var yaml = YamlTree.Read(text, file, 1, problems);
        if (yaml is not YamlMap map)
        {
            if (problems.Count == before)
            {
                problems.Add(new KnowledgeProblem(file, yaml?.Line ?? 1, "the scenario must be a map of fields"));
            }

            return null;
        }

        var fields = new FieldReader(map, file, problems);
        fields.RejectUnknown(Fields);
        var id = ScenarioFields.ReadId(fields);
        var title = fields.Text("title", 5, 100);
        var notice = fields.Text("notice", 50, 800);
        var preparation = fields.OptionalText("voorbereiding");
        if (preparation is { Length: < 20 or > MaxPreparationLength })
        {
            fields.Problem(fields.LineOf("voorbereiding"), $"'voorbereiding' must be 20–{MaxPreparationLength} characters (is {preparation.Length})");
        }

        var sources = SourceListReader.Read(fields);
        var lastChecked = fields.Date("laatst_gecontroleerd");
        if (lastChecked > today)
        {
            fields.Problem(fields.LineOf("laatst_gecontroleerd"), "'laatst_gecontroleerd' lies in the future");
        }

        // Problems about the steps as a whole name the 'steps:' line; a list's own line is that of its first entry.
        var stepsLine = map.Entries.FirstOrDefault(e => e.Key.Value == "steps").Key?.Line ?? map.Line;
        var steps = ReadSteps(fields, stepsLine, new ScenarioStepReader(file, resourceIds, articleIds, problems));
        return problems.Count == before ? new Scenario(id, title, notice, sources, lastChecked, [.. steps.Select(s => s.Step)]) { Preparation = preparation } : null;
    }

    private static List<ScenarioStepReader.Result> ReadSteps(FieldReader fields, int stepsLine, ScenarioStepReader reader)
    {
        var maps = fields.MapList("steps", 1);
        if (maps.Count > MaxSteps)
        {
            fields.Problem(stepsLine, $"a scenario has at most {MaxSteps} steps (has {maps.Count})");
        }

        var steps = maps.Select(reader.Read).ToList();
        if (steps.Count == 0)
        {
            return steps;
        }

        CheckIds(fields, steps);
        CheckParts(fields, stepsLine, steps);
        CheckTotalMinutes(fields, stepsLine, steps);
        return steps;
    }

    // Sessions store the step ids they run, so an id must name exactly one step.
    private static void CheckIds(FieldReader fields, List<ScenarioStepReader.Result> steps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps.Where(s => s.Step.Id.Length > 0 && !seen.Add(s.Step.Id)))
        {
            fields.Problem(step.IdLine, $"the step id '{step.Step.Id}' is used twice");
        }
    }

    // The conversation builds up: threat picture, reason, ground rules, scenario, contribution, and it always ends
    // with agreements, because the report is built from them.
    private static void CheckParts(FieldReader fields, int stepsLine, List<ScenarioStepReader.Result> steps)
    {
        ScenarioPart? highest = null;
        foreach (var step in steps)
        {
            if (step.Part is not { } part)
            {
                continue;
            }

            if (highest is { } top && part < top)
            {
                fields.Problem(step.Line,
                    $"step '{step.Step.Id}' of part '{ScenarioFields.NameOf(part)}' comes after a step of part " +
                    $"'{ScenarioFields.NameOf(top)}'; the parts go in the order {ScenarioFields.PartNames}");
            }
            else
            {
                highest = part;
            }
        }

        foreach (var (name, part) in ScenarioFields.Parts.Where(p => steps.TrueForAll(s => s.Part != p.Value)))
        {
            fields.Problem(stepsLine, $"there is no step of part '{name}'");
        }

        if (steps[^1] is { Part: { } last } final && last != ScenarioPart.Afspraken)
        {
            fields.Problem(final.Line, "the last step must be of part 'afspraken'");
        }
    }

    private static void CheckTotalMinutes(FieldReader fields, int stepsLine, List<ScenarioStepReader.Result> steps)
    {
        // A step with invalid minutes is already reported; a sum without it would only add a misleading problem.
        if (steps.Exists(s => s.Minutes is null))
        {
            return;
        }

        var total = steps.Sum(s => s.Minutes!.Value);
        if (total is < MinTotalMinutes or > MaxTotalMinutes)
        {
            fields.Problem(stepsLine, $"the steps take {total} minutes in total; keep it between {MinTotalMinutes} and {MaxTotalMinutes}");
        }
    }
}
