namespace AdaptiveCards
{
    /// <summary>
    /// Stands in for the real AdaptiveCards.AdaptiveCard so Microsoft.Bot.Schema loads. Weerbaar never uses the
    /// Adaptive Cards object model: cards are JSON templates sent as attachment content.
    /// </summary>
    public class AdaptiveCard
    {
        /// <summary>The Adaptive Card content type, as the real type defines it.</summary>
        public const string ContentType = "application/vnd.microsoft.card.adaptive";
    }
}
