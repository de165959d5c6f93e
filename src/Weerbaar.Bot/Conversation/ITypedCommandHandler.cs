using Microsoft.Bot.Builder;

namespace Weerbaar.Bot.Conversation;

/// <summary>
/// A feature's typed commands. <see cref="WeerbaarBot"/> offers typed text to the registered handlers in
/// <see cref="Order"/> (see <see cref="TypedCommandOrder"/>); the first that takes it answers. The question feature
/// comes last and takes any text.
/// </summary>
public interface ITypedCommandHandler
{
    /// <summary>Where this handler comes in the <see cref="TypedCommands"/> table; lower goes first, no two alike.</summary>
    int Order { get; }

    /// <summary>Answers <paramref name="text"/> (mention removed, possibly empty) and returns true, or returns false to pass it on.</summary>
    Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken);
}
