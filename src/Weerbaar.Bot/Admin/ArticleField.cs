using System.Text.RegularExpressions;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The fields of the article form, and which field a problem found by the knowledge checks is about, so the form can
/// show its reason right at that field. A problem no field owns (a related article, a resource) stays above the form.
/// </summary>
public static partial class ArticleField
{
    public const string Id = "articleId";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Questions = "questions";
    public const string Tags = "tags";
    public const string Sources = "sources";
    public const string FactsAsOf = "factsAsOf";
    public const string CurrentStateAt = "currentStateAt";
    public const string LastChecked = "lastChecked";

    /// <summary>Problems about the whole article, shown above the form.</summary>
    public const string None = "";

    public static IReadOnlyList<string> All { get; } = [Id, Title, Summary, Body, Questions, Tags, Sources, FactsAsOf, CurrentStateAt, LastChecked];

    // The names the article file (and so the checks) uses for the form's fields.
    private static readonly Dictionary<string, string> ByFileField = new(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["title"] = Title,
        ["summary"] = Summary,
        ["questions"] = Questions,
        ["tags"] = Tags,
        ["sources"] = Sources,
        ["url"] = Sources,
        ["publisher"] = Sources,
        ["date"] = Sources,
        ["laatst_gecontroleerd"] = LastChecked,
        ["stand"] = FactsAsOf,
        ["actueel"] = CurrentStateAt,
    };

    public static string Of(KnowledgeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var message = problem.Message;
        if (LeadingField().Match(message) is { Success: true } match)
        {
            return ByFileField.GetValueOrDefault(match.Groups[1].Value, None);
        }

        return message.StartsWith("the question ", StringComparison.Ordinal) ? Questions
            : BodyProblem().IsMatch(message) ? Body
            : None;
    }

    [GeneratedRegex(@"^(?:each entry of )?'(\w+)'")]
    private static partial Regex LeadingField();

    [GeneratedRegex(@"^(the body|use '##'|a section heading|the section '|the content is larger)")]
    private static partial Regex BodyProblem();
}
