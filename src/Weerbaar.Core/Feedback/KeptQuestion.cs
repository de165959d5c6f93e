using Weerbaar.Core.Privacy;

namespace Weerbaar.Core.Feedback;

/// <summary>
/// How a user's question is kept for admins, wherever it is kept (unanswered questions, the question a 👎 comment is
/// about): never with who asked, personal data masked (<see cref="PersonalDataMask"/>) and cut at
/// <see cref="MaxLength"/>. One rule, so admins see the same wording in <c>beheer vragen</c> and <c>beheer feedback</c>.
/// </summary>
public static class KeptQuestion
{
    public const int MaxLength = 500;

    public static string Mask(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var masked = PersonalDataMask.Apply(question);
        return masked.Length > MaxLength ? masked[..MaxLength] : masked;
    }
}
