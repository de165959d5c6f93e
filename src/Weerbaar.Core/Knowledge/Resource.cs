namespace Weerbaar.Core.Knowledge;

/// <summary>The kind of a resource in the catalogue.</summary>
public enum ResourceKind
{
    Video,
    Document,
    Website,
    Mailbox,
    Broadcast,
}

/// <summary>
/// A resource officials are pointed to (a video, letter, website, mailbox or broadcast): where it is
/// (<see cref="Url"/>) or, when there is no public address, how to get it (<see cref="Obtain"/>).
/// </summary>
public sealed record Resource(
    string Id,
    string Title,
    ResourceKind Kind,
    string? Url,
    string? Obtain,
    IReadOnlyList<string> Audience,
    string Description,
    string? Notes);
