using System.Globalization;

namespace Weerbaar.Core.Knowledge;

/// <summary>Reads the fields of a YAML map and reports every missing or malformed one with its line.</summary>
internal sealed class FieldReader(YamlMap map, string file, List<KnowledgeProblem> problems)
{
    public int Line => map.Line;

    public void Problem(int line, string message) => problems.Add(new KnowledgeProblem(file, line, message));

    public void RejectUnknown(IReadOnlySet<string> known)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!known.Contains(key.Value))
            {
                Problem(key.Line, $"unknown field '{key.Value}'");
            }
        }
    }

    public string Text(string key, int minLength, int maxLength)
    {
        switch (map[key])
        {
            case null:
                Problem(map.Line, $"'{key}' is missing");
                return string.Empty;
            case YamlText text:
                var value = text.Value.Trim();
                if (value.Length < minLength || value.Length > maxLength)
                {
                    Problem(text.Line, $"'{key}' must be {minLength}–{maxLength} characters (is {value.Length})");
                }

                return value;
            case var other:
                Problem(other.Line, $"'{key}' must be text");
                return string.Empty;
        }
    }

    public string? OptionalText(string key)
    {
        switch (map[key])
        {
            case null:
                return null;
            case YamlText text:
                return string.IsNullOrWhiteSpace(text.Value) ? null : text.Value.Trim();
            case var other:
                Problem(other.Line, $"'{key}' must be text");
                return null;
        }
    }

    public int LineOf(string key) => map[key]?.Line ?? map.Line;

    public IReadOnlyList<string> TextList(string key, int minCount, int maxCount, int minLength = 1, int maxLength = 200)
    {
        var node = map[key];
        if (node is null)
        {
            if (minCount > 0)
            {
                Problem(map.Line, $"'{key}' is missing");
            }

            return [];
        }

        if (node is not YamlList list)
        {
            Problem(node.Line, $"'{key}' must be a list");
            return [];
        }

        if (list.Items.Count < minCount || list.Items.Count > maxCount)
        {
            Problem(list.Line, $"'{key}' must have {minCount}–{maxCount} entries (has {list.Items.Count})");
        }

        var values = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is YamlText text && text.Value.Trim().Length is var length && length >= minLength && length <= maxLength)
            {
                values.Add(text.Value.Trim());
            }
            else
            {
                Problem(item.Line, $"each entry of '{key}' must be text of {minLength}–{maxLength} characters");
            }
        }

        return values;
    }

    public IReadOnlyList<YamlMap> MapList(string key, int minCount)
    {
        var node = map[key];
        if (node is not YamlList list)
        {
            Problem(node?.Line ?? map.Line, node is null ? $"'{key}' is missing" : $"'{key}' must be a list");
            return [];
        }

        if (list.Items.Count < minCount)
        {
            Problem(list.Line, $"'{key}' must have at least {minCount} entries");
        }

        var maps = new List<YamlMap>();
        foreach (var item in list.Items)
        {
            if (item is YamlMap entry)
            {
                maps.Add(entry);
            }
            else
            {
                Problem(item.Line, $"each entry of '{key}' must be a map of fields");
            }
        }

        return maps;
    }

    public DateOnly Date(string key)
    {
        var text = Text(key, 10, 10);
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.Length == 10)
        {
            Problem(LineOf(key), $"'{key}' must be a date as YYYY-MM-DD");
        }

        return default;
    }

    /// <summary>A month as YYYY-MM, returned as its first day.</summary>
    public DateOnly Month(string key)
    {
        var text = Text(key, 7, 7);
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        if (text.Length == 7)
        {
            Problem(LineOf(key), $"'{key}' must be a month as YYYY-MM");
        }

        return default;
    }

    public FieldReader For(YamlMap child) => new(child, file, problems);
}
