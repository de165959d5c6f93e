namespace Weerbaar.Core.Knowledge;

/// <summary>Reads and checks the resources catalogue (<c>resources.yaml</c>): a list of resources.</summary>
public static class ResourceCatalogParser
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "title", "kind", "url", "obtain", "audience", "description", "notes",
    };

    public static IReadOnlyList<Resource> Parse(string file, string text, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var yaml = YamlTree.Read(text, file, 1, problems);
        if (yaml is not YamlList list)
        {
            if (problems.Count == before)
            {
                problems.Add(new KnowledgeProblem(file, 1, "the catalogue must be a list of resources"));
            }

            return [];
        }

        var resources = new List<Resource>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMap map)
            {
                problems.Add(new KnowledgeProblem(file, item.Line, "each resource must be a map of fields"));
                continue;
            }

            if (Read(new FieldReader(map, file, problems), problems) is Resource resource)
            {
                if (resources.Any(r => r.Id == resource.Id))
                {
                    problems.Add(new KnowledgeProblem(file, map.Line, $"the resource id '{resource.Id}' is used twice"));
                }

                resources.Add(resource);
            }
        }

        return problems.Count == before ? resources : [];
    }

    private static Resource? Read(FieldReader fields, List<KnowledgeProblem> problems)
    {
        var before = problems.Count;
        fields.RejectUnknown(Fields);
        var id = fields.Text("id", 1, 80);
        if (!KnowledgeRules.Id().IsMatch(id))
        {
            fields.Problem(fields.LineOf("id"), "'id' may hold only lower-case letters, digits and single hyphens");
        }

        var title = fields.Text("title", 3, 150);
        var kindText = fields.Text("kind", 5, 9);
        if (!Enum.TryParse<ResourceKind>(kindText, ignoreCase: true, out var kind) || kindText.Any(char.IsUpper))
        {
            fields.Problem(fields.LineOf("kind"), "'kind' must be video, document, website, mailbox or broadcast");
        }

        var url = fields.OptionalText("url");
        var obtain = fields.OptionalText("obtain");
        if (url is null && obtain is null)
        {
            fields.Problem(fields.Line, "a resource needs 'url' or, when there is no public address, 'obtain'");
        }

        if (url is not null && !KnowledgeRules.IsHttpUrl(url) && !url.StartsWith("mailto:", StringComparison.Ordinal))
        {
            fields.Problem(fields.LineOf("url"), "'url' must be an http(s) or mailto: address");
        }

        var audience = fields.TextList("audience", 1, KnowledgeRules.Audiences.Count);
        KnowledgeRules.CheckAudience(fields, audience);
        var description = fields.Text("description", 10, 400);
        var notes = fields.OptionalText("notes");
        return problems.Count == before ? new Resource(id, title, kind, url, obtain, audience, description, notes) : null;
    }
}
