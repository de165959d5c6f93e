using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Weerbaar.Core.Storage;

/// <summary>A secret key the bot signs its own data with, by purpose. Never leaves the database and the process.</summary>
public sealed class SigningKeyRecord
{
    public required string Purpose { get; set; }

    public required byte[] Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Signing keys kept in the database: made at first use and then shared by every instance on the same database, so
/// what one instance signed another accepts, and no secret has to be configured.
/// </summary>
public sealed class SigningKeys(IDbContextFactory<WeerbaarDbContext> contextFactory, TimeProvider timeProvider)
{
    public const int KeyBytes = 32;

    /// <summary>The key for <paramref name="purpose"/>; the first caller on a new database makes it.</summary>
    public async Task<byte[]> GetOrCreateAsync(string purpose, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, purpose, cancellationToken) is byte[] existing)
        {
            return existing;
        }

        db.SigningKeys.Add(new SigningKeyRecord { Purpose = purpose, Key = RandomNumberGenerator.GetBytes(KeyBytes), CreatedAt = timeProvider.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance made the key at the same moment; its key is the one everybody uses.
        }

        // Read back rather than trust our own insert: only the row that won is shared by all instances.
        await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(fresh, purpose, cancellationToken) ?? throw new InvalidOperationException("The signing key was neither found nor created.");
    }

    private static Task<byte[]?> FindAsync(WeerbaarDbContext db, string purpose, CancellationToken cancellationToken) =>
        db.SigningKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Key).FirstOrDefaultAsync(cancellationToken)!;
}
