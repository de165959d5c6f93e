using System.Globalization;
using System.Text.RegularExpressions;

namespace Weerbaar.Core.Knowledge;

/// <summary>The shared rules of the knowledge format (see knowledge/README.md).</summary>
internal static partial class KnowledgeRules
{
    public static readonly IReadOnlySet<string> Audiences = new HashSet<string>(StringComparer.Ordinal)
    {
        "iedereen", "burgemeester", "oov-adviseur", "crisiscoordinator", "communicatieadviseur", "beleidsmedewerker", "facilitator",
    };

    /// <summary>Written instead of a URL for a document that has no public address.</summary>
    public const string NoUrl = "geen";

    /// <summary>The value of <c>actie</c> that gives an answer the button "Start een sessie".</summary>
    public const string StartSessionAction = "start-sessie";

    public const string UnknownDate = "onbekend";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex Id();

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsSourceDate(string value) =>
        value == UnknownDate
        || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2200);

    public static void CheckAudience(FieldReader fields, IReadOnlyList<string> audience)
    {
        foreach (var value in audience.Where(a => !Audiences.Contains(a)))
        {
            fields.Problem(fields.LineOf("audience"), $"unknown audience '{value}' (use {string.Join(", ", Audiences.Order(StringComparer.Ordinal))})");
        }
    }
}
