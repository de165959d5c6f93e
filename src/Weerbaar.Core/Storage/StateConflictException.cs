namespace Weerbaar.Core.Storage;

/// <summary>
/// A conditional write lost a race: the item changed (or appeared, or disappeared) since the writer read it.
/// The caller reloads and decides again; nothing was written.
/// </summary>
public sealed class StateConflictException : Exception
{
    public StateConflictException()
        : base("The state item changed since it was read.")
    {
    }

    public StateConflictException(string message)
        : base(message)
    {
    }

    public StateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
