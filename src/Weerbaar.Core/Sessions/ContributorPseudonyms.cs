using System.Security.Cryptography;
using System.Text;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// Who wrote a contribution, as stored. In a session that is not anonymous: the Teams user id. In an anonymous session:
/// a pseudonym, HMAC-SHA256 over the session id and the Teams user id with a key kept outside the database
/// (<c>Sessions:PseudonymKey</c>). It is the same for one person throughout one session, so they can see, edit and
/// withdraw their own, differs between sessions, and whoever reads only the database cannot tell whose it is, not
/// even by trying the Teams ids found elsewhere in it.
/// </summary>
public sealed class ContributorPseudonyms
{
    /// <summary>Marks a stored key as a pseudonym, so a key written before pseudonyms (a Teams id) is recognised.</summary>
    public const string Prefix = "anon:";

    private readonly byte[] _key;

    public ContributorPseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        _key = [.. key];
    }

    /// <summary>The key <paramref name="userId"/>'s contributions to <paramref name="state"/> are stored under.</summary>
    public string AuthorKey(SessionState state, string userId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Settings.Anonymous ? Of(state.Id, userId) : userId;
    }

    /// <summary>The pseudonym of <paramref name="userId"/> in one session.</summary>
    public string Of(Guid sessionId, string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var user = Encoding.UTF8.GetBytes(userId);
        var input = new byte[16 + user.Length];
        sessionId.TryWriteBytes(input, bigEndian: true, out _);
        user.CopyTo(input, 16);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(_key, input).AsSpan(0, 16));
    }

    /// <summary>
    /// An anonymous session stored before pseudonyms held Teams ids as author and ready keys: replaced here by
    /// pseudonyms, so the authors keep their contributions and the next save holds no ids.
    /// </summary>
    public SessionState WithoutTeamsIds(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Settings.Anonymous
            || (state.Contributions.All(c => IsPseudonym(c.AuthorKey)) && state.ReadyKeys.All(IsPseudonym)))
        {
            return state;
        }

        string Pseudonym(string key) => IsPseudonym(key) ? key : Of(state.Id, key);
        return state with
        {
            Contributions = [.. state.Contributions.Select(c => c with { AuthorKey = Pseudonym(c.AuthorKey) })],
            ReadyKeys = state.ReadyKeys.Select(Pseudonym).ToHashSet(StringComparer.Ordinal),
        };
    }

    // Keys of erased users ("erased:…") are no Teams ids either.
    private static bool IsPseudonym(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) || key.StartsWith("erased:", StringComparison.Ordinal);
}
