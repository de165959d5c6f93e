using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Admin;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>A message on an admin card: green when something worked, red when it did not, with the reasons.</summary>
public sealed record AdminMessage(string Text, bool IsProblem = false, IReadOnlyList<FieldProblem>? Problems = null)
{
    public static AdminMessage None { get; } = new(string.Empty);

    public static AdminMessage Conflict { get; } = new(AdminTexts.Conflict, IsProblem: true);

    /// <summary>What saving (and publishing, when asked) did.</summary>
    public static AdminMessage Saved(KnowledgeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.Saved.Succeeded)
        {
            return Failure(change.Saved, change.Key);
        }

        var outcome = change.Final;
        return outcome.Result switch
        {
            EditResult.Published => new AdminMessage(AdminTexts.Published(outcome.VersionNumber)),
            EditResult.Saved when outcome.Problems.Count > 0 => new AdminMessage(AdminTexts.SavedWithProblems(outcome.VersionNumber), IsProblem: true, Dutch(outcome.Problems)),
            EditResult.Saved => new AdminMessage(AdminTexts.Saved(outcome.VersionNumber)),
            EditResult.Invalid => new AdminMessage(AdminTexts.NotPublished(change.Saved.VersionNumber), IsProblem: true, Dutch(outcome.Problems)),
            _ => Failure(outcome, change.Key),
        };
    }

    public static AdminMessage Unpublished(KnowledgeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Final.Succeeded ? new AdminMessage(AdminTexts.Unpublished) : Failure(change.Final, change.Key);
    }

    public static AdminMessage RolledBack(RollbackDone done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return done.Change.Final.Result switch
        {
            EditResult.RolledBack when done.After?.PublishedNumber is int published => new AdminMessage(AdminTexts.RolledBack(published)),
            EditResult.RolledBack => new AdminMessage(AdminTexts.RolledBackToNothing),
            EditResult.NotFound => new AdminMessage(AdminTexts.NothingToRollBack, IsProblem: true),
            _ => Failure(done.Change.Final, done.Change.Key),
        };
    }

    /// <summary>The article form itself was not filled in right; nothing was saved.</summary>
    public static AdminMessage FormInvalid(IReadOnlyList<FieldProblem> problems) => new(AdminTexts.Invalid, IsProblem: true, problems);

    /// <summary>The message with every reason listed under it.</summary>
    public JsonObject AddTo(JsonObject data) => AddTo(data, listPlaced: true);

    /// <summary>
    /// The message for the article form: each reason also stands in red at the field it is about
    /// (<c>fieldProblems.&lt;field&gt;</c>); with <paramref name="listPlaced"/> false only the reasons no field owns
    /// are listed under the message, and a line says where the others are.
    /// </summary>
    public JsonObject AddTo(JsonObject data, bool listPlaced)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = Problems ?? [];
        var atFields = new JsonObject();
        foreach (var field in ArticleField.All)
        {
            atFields[field] = string.Join("\n\n", problems.Where(p => p.Field == field).Select(p => CardText.Literal(p.Text)));
        }

        var listed = listPlaced ? problems : [.. problems.Where(p => p.Field == ArticleField.None)];
        data["message"] = Text;
        data["messageColor"] = IsProblem ? "Attention" : "Good";
        data["problems"] = new JsonArray([.. listed.Select(p => (JsonNode)new JsonObject { ["text"] = CardText.Literal(p.Text) })]);
        data["fieldProblems"] = atFields;
        data["problemsAtFields"] = !listPlaced && problems.Any(p => p.Field != ArticleField.None);
        return data;
    }

    private static AdminMessage Failure(EditOutcome outcome, string key) => outcome.Result switch
    {
        EditResult.Conflict => Conflict,
        EditResult.AlreadyExists => new AdminMessage(AdminTexts.AlreadyExists(key), IsProblem: true),
        EditResult.NotFound => new AdminMessage(AdminTexts.StaleCard, IsProblem: true),
        _ => new AdminMessage(AdminTexts.Invalid, IsProblem: true, Dutch(outcome.Problems)),
    };

    private static IReadOnlyList<FieldProblem> Dutch(IReadOnlyList<KnowledgeProblem> problems) =>
        [.. problems.Select(p => new FieldProblem(ArticleField.Of(p), ProblemTexts.Dutch(p))).Distinct()];
}
