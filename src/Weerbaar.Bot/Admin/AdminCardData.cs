using System.Globalization;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Conversation;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// What an admin card button sent (its data merged with the card's inputs), read as the admin commands need it.
/// Every value is text written by the card templates; anything else counts as missing.
/// </summary>
public sealed class AdminCardData(JObject? data)
{
    public static AdminCardData None { get; } = new(null);

    /// <summary>The raw data, for the article form.</summary>
    public JObject Values { get; } = data ?? [];

    public string Text(string name) => CardData.Text(Values, name) ?? string.Empty;

    public KnowledgeKind Kind => Enum.TryParse<KnowledgeKind>(Text("kind"), out var kind) && Enum.IsDefined(kind) ? kind : KnowledgeKind.Article;

    public bool IsNew => Text("isNew") == "true";

    /// <summary>A new article names itself in the form; every other card carries the item it was drawn for.</summary>
    public string Key => (IsNew ? Text("articleId") : Text("item")).Trim();

    /// <summary>The item version the card was drawn with.</summary>
    public int? ItemVersion => Count("itemVersion");

    /// <summary>The version to put back; none undoes the published one.</summary>
    public int? Number => Count("number");

    public int Part => Count("part") ?? 0;

    private int? Count(string name) => int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
