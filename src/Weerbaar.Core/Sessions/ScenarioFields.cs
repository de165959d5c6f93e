using Weerbaar.Core.Knowledge;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The vocabulary of the scenario file (the Dutch names editors write for parts and organisation kinds) and the
/// field rules that the scenario and its steps share.
/// </summary>
internal static class ScenarioFields
{
    // Explicit names rather than lower-cased enum names: the file's vocabulary must not change when code is renamed.
    public static readonly IReadOnlyDictionary<string, ScenarioPart> Parts = new Dictionary<string, ScenarioPart>(StringComparer.Ordinal)
    {
        ["opening"] = ScenarioPart.Opening,
        ["waarom"] = ScenarioPart.Waarom,
        ["spelregels"] = ScenarioPart.Spelregels,
        ["scenario"] = ScenarioPart.Scenario,
        ["bijdrage"] = ScenarioPart.Bijdrage,
        ["afspraken"] = ScenarioPart.Afspraken,
    };

    public static readonly IReadOnlyDictionary<string, OrganisationKind> Kinds = new Dictionary<string, OrganisationKind>(StringComparer.Ordinal)
    {
        ["gemeente"] = OrganisationKind.Gemeente,
        ["bedrijf"] = OrganisationKind.Bedrijf,
        ["maatschappelijk"] = OrganisationKind.Maatschappelijk,
    };

    public static readonly string PartNames = string.Join(", ", Parts.Keys);

    public static readonly string KindNames = string.Join(", ", Kinds.Keys);

    public static string NameOf(ScenarioPart part) => Parts.First(p => p.Value == part).Key;

    public static string ReadId(FieldReader fields)
    {
        var id = fields.Text("id", 1, 80);
        if (id.Length > 0 && !KnowledgeRules.Id().IsMatch(id))
        {
            fields.Problem(fields.LineOf("id"), "'id' may hold only lower-case letters, digits and single hyphens");
        }

        return id;
    }

    /// <summary>
    /// Reads a list of names that must each be one of <paramref name="known"/>, reporting an unknown or repeated name
    /// on its own line (a block list puts every entry on a line of its own).
    /// </summary>
    public static IReadOnlyList<string> ReadNames(
        FieldReader fields, YamlMap map, string key, int minCount, int maxCount, IReadOnlySet<string> known, Func<string, string> unknownMessage)
    {
        var values = fields.TextList(key, minCount, maxCount, 1, 80);
        if (map[key] is not YamlList list)
        {
            return values;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items.OfType<YamlText>())
        {
            var value = item.Value.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            if (!known.Contains(value))
            {
                fields.Problem(item.Line, unknownMessage(value));
            }
            else if (!seen.Add(value))
            {
                fields.Problem(item.Line, $"'{value}' appears twice in '{key}'");
            }
        }

        return values;
    }
}
