using Weerbaar.Bot.Cards;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// The Dutch chat replies to a file import: what changed, or the problems that stopped it. Lists are capped, so a zip
/// file with hundreds of broken entries cannot flood the chat; names and problems come from the upload and are
/// escaped, since Teams renders a text message as Markdown.
/// </summary>
public static class ImportReport
{
    private const int MaxListed = 20;

    public static string Refused(IReadOnlyList<KnowledgeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => $"{CardText.Literal(p.File)}: {CardText.Literal(ProblemTexts.Dutch(p))}").Distinct().ToList();
        var shown = lines.Take(MaxListed).ToList();
        if (lines.Count > MaxListed)
        {
            shown.Add(AdminTexts.AndMore(lines.Count - MaxListed));
        }

        return $"{AdminTexts.ImportRefused}\n\n{Bullets(shown)}";
    }

    public static string Imported(KnowledgeImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = new List<string>();
        if (result.Created.Count > 0)
        {
            lines.Add(AdminTexts.ImportCreated(Names(result.Created)));
        }

        if (result.Updated.Count > 0)
        {
            lines.Add(AdminTexts.ImportUpdated(Names(result.Updated)));
        }

        if (result.Unchanged.Count > 0)
        {
            lines.Add(AdminTexts.ImportUnchanged(Names(result.Unchanged)));
        }

        return $"{(result.ChangedPublished ? AdminTexts.Imported : AdminTexts.ImportNothingChanged)}\n\n{Bullets(lines)}";
    }

    private static string Bullets(IEnumerable<string> lines) => string.Join('\n', lines.Select(line => $"- {line}"));

    // Admins know an article by its id (as in beheer); the other files by their place in the knowledge/ layout.
    private static string Names(IReadOnlyList<string> paths)
    {
        var names = paths.Take(MaxListed)
            .Select(path => KnowledgeFile.ForPath(path, string.Empty) is { Kind: KnowledgeKind.Article } file ? file.Key : path)
            .Select(CardText.Literal)
            .ToList();
        if (paths.Count > MaxListed)
        {
            names.Add(AdminTexts.AndMore(paths.Count - MaxListed));
        }

        return string.Join(", ", names);
    }
}
