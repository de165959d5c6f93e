namespace Weerbaar.Bot.Conversation;

/// <summary>
/// The order in which typed text is offered to the features. A message with files and no text is an admin's import
/// before anything else; erasing personal data is honoured wherever it is asked; session commands come before admin
/// commands; then help, and any text left is a question.
/// </summary>
public static class TypedCommandOrder
{
    public const int FileImport = 100;
    public const int Erasure = 200;
    public const int Sessions = 300;
    public const int Admin = 400;
    public const int Help = 500;

    /// <summary>Last: takes any text, so nothing after it is reached.</summary>
    public const int Question = 600;
}

/// <summary>The registered <see cref="ITypedCommandHandler"/>s in <see cref="ITypedCommandHandler.Order"/>.</summary>
public sealed class TypedCommands
{
    public TypedCommands(IEnumerable<ITypedCommandHandler> handlers)
    {
        InOrder = [.. handlers.OrderBy(handler => handler.Order)];
        if (InOrder.Select(handler => handler.Order).Distinct().Count() != InOrder.Count)
        {
            // Two handlers at one place would be tried in registration order, which nobody chose.
            throw new InvalidOperationException("Two typed-command handlers share an order: " + string.Join(", ", InOrder.Select(h => $"{h.GetType().Name}={h.Order}")));
        }
    }

    public IReadOnlyList<ITypedCommandHandler> InOrder { get; }
}
