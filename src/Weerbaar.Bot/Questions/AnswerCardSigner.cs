using System.Security.Cryptography;
using System.Text;
using Weerbaar.Core.Storage;

namespace Weerbaar.Bot.Questions;

/// <summary>
/// Signs what an answer card's 👍/👎 buttons carry (HMAC-SHA256 over the token, article id and version), so a vote
/// counts only on a card this bot sent, for the article and version it showed. The key lives in the database, so
/// every instance behind the load balancer accepts the cards of the others.
/// </summary>
public sealed class AnswerCardSigner(SigningKeys keys)
{
    public const string KeyPurpose = "answer-card";

    private byte[]? _key;

    public async Task<AnswerCardData> SignAsync(AnswerCardData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data with { Signature = Convert.ToBase64String(await MacAsync(data, cancellationToken)) };
    }

    /// <summary>True when <paramref name="data"/> is exactly what this bot (any instance) put on a card.</summary>
    public async Task<bool> IsGenuineAsync(AnswerCardData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var signature = new byte[32];
        if (!Convert.TryFromBase64String(data.Signature, signature, out var length) || length != signature.Length)
        {
            return false;
        }

        var expected = await MacAsync(data, cancellationToken);
        return CryptographicOperations.FixedTimeEquals(signature, expected);
    }

    private async Task<byte[]> MacAsync(AnswerCardData data, CancellationToken cancellationToken)
    {
        // Racing first calls read the same row, so it does not matter which one fills the field.
        _key ??= await keys.GetOrCreateAsync(KeyPurpose, cancellationToken);

        // Lengths in front of the parts, so no shift between token and article id gives the same text.
        var signed = $"{data.Token.Length}:{data.Token}|{data.ArticleId.Length}:{data.ArticleId}|{data.Version}";
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(signed));
    }
}
