namespace Weerbaar.Core.Storage;

/// <summary>A state item as read from the database: its document and the version to write against.</summary>
public sealed record StoredState(string Document, long Version);
