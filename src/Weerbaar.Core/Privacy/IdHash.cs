using System.Security.Cryptography;
using System.Text;

namespace Weerbaar.Core.Privacy;

/// <summary>
/// A short stand-in for an id kept in memory or state (rate limits, the last question per member): 64 bits of its
/// SHA-256, enough to keep ids apart, so the id itself is not held.
/// </summary>
public static class IdHash
{
    public static string Of(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
    }
}
