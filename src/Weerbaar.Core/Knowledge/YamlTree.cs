using SharpYaml;
using SharpYaml.Events;

namespace Weerbaar.Core.Knowledge;

/// <summary>A parsed YAML node with the 1-based line it starts on, so every problem can name its line.</summary>
internal abstract record YamlItem(int Line);

internal sealed record YamlText(int Line, string Value) : YamlItem(Line);

internal sealed record YamlList(int Line, IReadOnlyList<YamlItem> Items) : YamlItem(Line);

internal sealed record YamlMap(int Line, IReadOnlyList<KeyValuePair<YamlText, YamlItem>> Entries) : YamlItem(Line)
{
    public YamlItem? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}

/// <summary>
/// Reads YAML into <see cref="YamlItem"/>s from SharpYaml's event stream. Only what knowledge files need: maps,
/// lists and scalars; anchors and aliases are refused (they make content hard to review).
/// </summary>
internal static class YamlTree
{
    /// <param name="firstLine">The file line of the YAML's first line (front matter starts below the opening ---).</param>
    public static YamlItem? Read(string yaml, string file, int firstLine, List<KnowledgeProblem> problems)
    {
        try
        {
            var parser = Parser.CreateParser(new StringReader(yaml));
            var events = new List<ParsingEvent>();
            var limits = new LimitCheck();
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                if (limits.Exceeded(current) is string exceeded)
                {
                    problems.Add(new KnowledgeProblem(file, firstLine + current.Start.Line, exceeded));
                    return null;
                }

                events.Add(current);
            }

            var position = 0;
            while (position < events.Count && events[position] is StreamStart or DocumentStart)
            {
                position++;
            }

            if (position >= events.Count || events[position] is DocumentEnd or StreamEnd)
            {
                return null;
            }

            return ReadNode(events, ref position, file, firstLine, problems);
        }
        catch (YamlException exception)
        {
            problems.Add(new KnowledgeProblem(file, firstLine + exception.Start.Line, "invalid YAML: " + FirstLine(exception.Message)));
            return null;
        }
    }

    private static YamlItem ReadNode(List<ParsingEvent> events, ref int position, string file, int firstLine, List<KnowledgeProblem> problems)
    {
        var current = events[position++];
        var line = firstLine + current.Start.Line;
        switch (current)
        {
            case Scalar scalar:
                return new YamlText(line, scalar.Value);
            case SequenceStart:
                var items = new List<YamlItem>();
                while (events[position] is not SequenceEnd)
                {
                    items.Add(ReadNode(events, ref position, file, firstLine, problems));
                }

                position++;
                return new YamlList(line, items);
            case MappingStart:
                var entries = new List<KeyValuePair<YamlText, YamlItem>>();
                while (events[position] is not MappingEnd)
                {
                    var key = ReadNode(events, ref position, file, firstLine, problems);
                    var value = ReadNode(events, ref position, file, firstLine, problems);
                    if (key is YamlText text)
                    {
                        if (entries.Any(e => e.Key.Value == text.Value))
                        {
                            problems.Add(new KnowledgeProblem(file, key.Line, $"'{text.Value}' appears twice"));
                        }

                        entries.Add(new(text, value));
                    }
                    else
                    {
                        problems.Add(new KnowledgeProblem(file, key.Line, "a key must be plain text"));
                    }
                }

                position++;
                return new YamlMap(line, entries);
            default:
                problems.Add(new KnowledgeProblem(file, line, "anchors and aliases are not supported"));
                return new YamlText(line, string.Empty);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>
    /// Checks the limits while the events stream in, before any tree is built: the tree is read recursively, so the
    /// depth must be bounded first, and one overlong value is reason enough to stop reading the file.
    /// </summary>
    private sealed class LimitCheck
    {
        // Per open list or map: whether it is a map whose next scalar is a key, and the last key read in it.
        private readonly Stack<(bool IsMap, bool ExpectsKey, string? Key)> _open = new();

        public string? Exceeded(ParsingEvent current)
        {
            switch (current)
            {
                case SequenceStart or MappingStart:
                    Consume();
                    if (_open.Count >= KnowledgeLimits.MaxNestingDepth)
                    {
                        return $"the YAML is nested deeper than {KnowledgeLimits.MaxNestingDepth} levels of lists and maps";
                    }

                    _open.Push((current is MappingStart, true, null));
                    return null;
                case SequenceEnd or MappingEnd:
                    _open.TryPop(out _);
                    return null;
                case Scalar scalar:
                    var key = _open.TryPeek(out var top) && top.IsMap && !top.ExpectsKey ? top.Key : null;
                    Consume(scalar.Value);
                    if (scalar.Value.Length <= KnowledgeLimits.MaxValueLength)
                    {
                        return null;
                    }

                    return key is null
                        ? $"a value is longer than {KnowledgeLimits.MaxValueLength} characters"
                        : $"'{key}' is longer than {KnowledgeLimits.MaxValueLength} characters";
                default:
                    return null;
            }
        }

        // A node inside a map is its key and its value by turns.
        private void Consume(string? scalar = null)
        {
            if (_open.TryPop(out var top))
            {
                _open.Push(top.IsMap ? (true, !top.ExpectsKey, top.ExpectsKey ? scalar : top.Key) : top);
            }
        }
    }
}
