using System.Collections.Frozen;

namespace Weerbaar.Core.Search;

/// <summary>
/// Words of everyday Dutch (src/Weerbaar.Core/Language/dutch-common-words.txt, a frequency list from a package registry; see the README there). A question word
/// that is an everyday word is no typing error, and when the knowledge never uses it, the question is probably about
/// something else ("recept", "zwembad", "hondenbelasting" are not typos of knowledge words).
/// </summary>
public static class DutchWords
{
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    /// <summary>Whether <paramref name="word"/> (lower case, accents folded) is an everyday Dutch word.</summary>
    public static bool IsCommon(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Common.Value.Contains(word);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(DutchWords).Assembly.GetManifestResourceStream("dutch-common-words.txt")
            ?? throw new InvalidOperationException("dutch-common-words.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is string line)
        {
            words.UnionWith(DutchTextAnalyzer.Words(line));
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
