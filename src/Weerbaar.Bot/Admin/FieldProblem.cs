namespace Weerbaar.Bot.Admin;

/// <summary>A reason in Dutch why the article cannot be saved or published, and the form field it is about (<see cref="ArticleField"/>).</summary>
public sealed record FieldProblem(string Field, string Text);
