namespace Weerbaar.Core.Knowledge;

/// <summary>Reading untrusted content into memory without trusting any length it announces.</summary>
public static class LimitedRead
{
    /// <summary>Reads to the end, but gives up (null) as soon as more than <paramref name="limit"/> bytes arrive.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
