namespace Weerbaar.Core.Knowledge;

/// <summary>One thing wrong with knowledge content: where (file and line, 1-based) and what.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
