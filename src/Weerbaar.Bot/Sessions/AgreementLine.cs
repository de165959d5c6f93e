using Weerbaar.Bot.Cards;
using Weerbaar.Core.Language;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>One agreement as the cards and the reminder say it: "what – role – uiterlijk date".</summary>
internal static class AgreementLine
{
    /// <summary>For a TextBlock, which reads Markdown: what the facilitator typed is shown as text.</summary>
    public static string ForCard(Agreement agreement) =>
        $"{CardText.Literal(agreement.What)} – {CardText.Literal(agreement.OwnerRole)} – uiterlijk {DutchDates.Format(agreement.Due)}";

    /// <summary>For a place that shows text as it is, such as a toggle's title.</summary>
    public static string Plain(Agreement agreement) =>
        $"{agreement.What} – {agreement.OwnerRole} – uiterlijk {DutchDates.Format(agreement.Due)}";
}
