using System.Security.Cryptography;
using System.Text;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The one derivation of a kept card action's key (<see cref="SessionActionRecord.Key"/>): a hash of who acted, then a
/// hash of the session, verb, card token and subject. Fixed length whatever Teams puts in its ids, no user id in the
/// clear, and the actor's part lets <c>verwijder mijn gegevens</c> find one person's actions by hashing their id the
/// same way.
/// </summary>
public static class SessionActionKey
{
    public static string For(Guid sessionId, string actorKey, params IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var rest = string.Join('\n', new[] { sessionId.ToString("N") }.Concat(parts));
        return $"{ActorPart(actorKey)}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rest)))}";
    }

    /// <summary>How every key of <paramref name="actorKey"/>'s actions begins.</summary>
    public static string ActorPart(string actorKey)
    {
        ArgumentNullException.ThrowIfNull(actorKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actorKey)))[..32];
    }
}
