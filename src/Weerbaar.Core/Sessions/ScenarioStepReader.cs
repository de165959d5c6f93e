using System.Globalization;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// Reads and checks one step of the scenario file: its fields, questions and variants, and its references to
/// resources and articles. Checks that span steps (order, parts, total time) belong to <see cref="ScenarioParser"/>.
/// </summary>
internal sealed class ScenarioStepReader(
    string file, IReadOnlySet<string> resourceIds, IReadOnlySet<string> articleIds, List<KnowledgeProblem> problems)
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "part", "title", "minutes", "situation", "themes", "questions", "resources", "articles",
    };

    private static readonly HashSet<string> QuestionFields = new(StringComparer.Ordinal) { "id", "text", "variants" };

    private static readonly HashSet<string> Themes = new(Scenario.Themes, StringComparer.Ordinal);

    /// <summary>A step with what the scenario-wide checks need; <see cref="Part"/> and <see cref="Minutes"/> are null when invalid.</summary>
    public sealed record Result(ScenarioStep Step, ScenarioPart? Part, int? Minutes, int Line, int IdLine);

    public Result Read(YamlMap map)
    {
        var fields = new FieldReader(map, file, problems);
        fields.RejectUnknown(Fields);
        var id = ScenarioFields.ReadId(fields);
        var part = ReadPart(fields);
        var title = fields.Text("title", 3, 80);
        var minutes = ReadMinutes(fields);
        var situation = fields.Text("situation", 20, ScenarioParser.MaxSituationLength);
        var themes = ReadThemes(fields, map, part);
        var questions = ReadQuestions(fields);
        var resources = ScenarioFields.ReadNames(fields, map, "resources", 0, 10, resourceIds,
            value => $"resource '{value}' is not in {KnowledgeFile.ResourceCatalogPath}");
        var articles = ScenarioFields.ReadNames(fields, map, "articles", 0, 10, articleIds,
            value => $"article '{value}' does not exist in {KnowledgeFile.ArticlesFolder}/");

        var step = new ScenarioStep(id, part ?? ScenarioPart.Opening, title, minutes ?? 0, situation, themes, questions, resources, articles);
        return new Result(step, part, minutes, map.Line, fields.LineOf("id"));
    }

    private static ScenarioPart? ReadPart(FieldReader fields)
    {
        var name = fields.Text("part", 1, 20);
        if (ScenarioFields.Parts.TryGetValue(name, out var part))
        {
            return part;
        }

        if (name.Length > 0)
        {
            fields.Problem(fields.LineOf("part"), $"unknown part '{name}' (use {ScenarioFields.PartNames})");
        }

        return null;
    }

    private static int? ReadMinutes(FieldReader fields)
    {
        var text = fields.Text("minutes", 1, 10);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes is >= ScenarioParser.MinStepMinutes and <= ScenarioParser.MaxStepMinutes)
        {
            return minutes;
        }

        if (text.Length > 0)
        {
            fields.Problem(fields.LineOf("minutes"),
                $"'minutes' must be a whole number from {ScenarioParser.MinStepMinutes} to {ScenarioParser.MaxStepMinutes} (is '{text}')");
        }

        return null;
    }

    // Themes tag what an inject disrupts; the other parts are not about one disruption, so a theme there is a mistake.
    private static IReadOnlyList<string> ReadThemes(FieldReader fields, YamlMap map, ScenarioPart? part)
    {
        if (part is not ScenarioPart.Scenario)
        {
            if (part is not null && map["themes"] is not null)
            {
                fields.Problem(fields.LineOf("themes"), "only steps of part 'scenario' have 'themes'");
            }

            return [];
        }

        return ScenarioFields.ReadNames(fields, map, "themes", 1, Themes.Count, Themes,
            value => $"unknown theme '{value}' (use {string.Join(", ", Scenario.Themes)})");
    }

    private static List<ScenarioQuestion> ReadQuestions(FieldReader fields)
    {
        var maps = fields.MapList("questions", 1);
        if (maps.Count > ScenarioParser.MaxQuestions)
        {
            fields.Problem(fields.LineOf("questions"), $"a step has at most {ScenarioParser.MaxQuestions} questions (has {maps.Count})");
        }

        var questions = new List<ScenarioQuestion>();
        foreach (var map in maps)
        {
            var question = fields.For(map);
            question.RejectUnknown(QuestionFields);
            var id = ScenarioFields.ReadId(question);
            // Contributions are keyed by step and question id, so a repeated id would mix two questions' answers.
            if (id.Length > 0 && questions.Any(q => q.Id == id))
            {
                question.Problem(question.LineOf("id"), $"the question id '{id}' is used twice in this step");
            }

            var text = question.Text("text", 5, ScenarioParser.MaxQuestionLength);
            questions.Add(new ScenarioQuestion(id, text, ReadVariants(question, map)));
        }

        return questions;
    }

    private static Dictionary<OrganisationKind, string> ReadVariants(FieldReader question, YamlMap map)
    {
        var variants = new Dictionary<OrganisationKind, string>();
        switch (map["variants"])
        {
            case null:
                return variants;
            case YamlMap entries:
                foreach (var (key, value) in entries.Entries)
                {
                    if (!ScenarioFields.Kinds.TryGetValue(key.Value, out var kind))
                    {
                        question.Problem(key.Line, $"unknown organisation kind '{key.Value}' in 'variants' (use {ScenarioFields.KindNames})");
                    }
                    else if (value is YamlText text && text.Value.Trim().Length is >= 5 and <= ScenarioParser.MaxQuestionLength)
                    {
                        variants[kind] = text.Value.Trim();
                    }
                    else
                    {
                        question.Problem(value.Line, $"the variant for '{key.Value}' must be text of 5–{ScenarioParser.MaxQuestionLength} characters");
                    }
                }

                return variants;
            case var other:
                question.Problem(other.Line, $"'variants' must be a map from organisation kind ({ScenarioFields.KindNames}) to a question text");
                return variants;
        }
    }
}
