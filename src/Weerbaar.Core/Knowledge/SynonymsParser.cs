namespace Weerbaar.Core.Knowledge;

/// <summary>Reads <c>synonyms.txt</c>: one group of equivalent search terms per line, comma-separated.</summary>
public static class SynonymsParser
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string file, string text, List<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var groups = new List<IReadOnlyList<string>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length > KnowledgeLimits.MaxValueLength)
            {
                problems.Add(new KnowledgeProblem(file, i + 1, $"a synonym group is longer than {KnowledgeLimits.MaxValueLength} characters"));
                continue;
            }

            var terms = line.Split(',').Select(term => term.Trim().ToLowerInvariant()).ToList();
            if (terms.Count < 2 || terms.Any(term => term.Length == 0))
            {
                problems.Add(new KnowledgeProblem(file, i + 1, "a synonym group needs at least two comma-separated terms"));
                continue;
            }

            if (terms.Any(term => term.Any(c => !char.IsLetterOrDigit(c) && c is not ' ' and not '-' and not '\'')))
            {
                problems.Add(new KnowledgeProblem(file, i + 1, "synonyms may hold letters, digits, spaces, hyphens and apostrophes only"));
                continue;
            }

            groups.Add(terms.Distinct(StringComparer.Ordinal).ToList());
        }

        return groups;
    }
}
