namespace Weerbaar.Bot.Storage;

/// <summary>
/// A write that fills the database on start (the knowledge seed). It runs once the schema is in place and while this
/// instance holds the start-up lock, so instances that start together do not write the same rows at once.
/// </summary>
internal interface IDatabaseSeed
{
    Task SeedAsync(CancellationToken cancellationToken);
}
