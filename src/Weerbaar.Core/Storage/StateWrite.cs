namespace Weerbaar.Core.Storage;

/// <summary>The condition a state write must meet.</summary>
public readonly record struct StateWrite
{
    private StateWrite(long? expectedVersion) => ExpectedVersion = expectedVersion;

    /// <summary>
    /// <c>null</c>: write whatever is stored; <c>0</c>: the item must not exist yet; otherwise the version the
    /// writer read.
    /// </summary>
    public long? ExpectedVersion { get; }

    /// <summary>Overwrite whatever is stored (the ETag <c>*</c>, or no ETag at all).</summary>
    public static StateWrite Unconditional { get; } = new(null);

    /// <summary>Create the item; fail if it exists already.</summary>
    public static StateWrite MustNotExist { get; } = new(0);

    /// <summary>Replace the item only if it still has <paramref name="version"/>.</summary>
    public static StateWrite IfVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new(version);
    }
}
