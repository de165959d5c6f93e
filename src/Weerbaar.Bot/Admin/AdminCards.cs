using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Language;

namespace Weerbaar.Bot.Admin;

/// <summary>A message on an admin card: green when something worked, red when it did not, with the reasons.</summary>
public sealed record AdminMessage(string Text, bool IsProblem = false, IReadOnlyList<string>? Problems = null)
{
    public static AdminMessage None { get; } = new(string.Empty);

    public JsonObject AddTo(JsonObject data)
    {
        data["message"] = Text;
        data["messageColor"] = IsProblem ? "Attention" : "Good";
        data["problems"] = new JsonArray([.. (Problems ?? []).Select(p => (JsonNode)new JsonObject { ["text"] = CardText.Literal(p) })]);
        return data;
    }
}

/// <summary>One row of a list card, with its buttons.</summary>
public sealed record AdminRow(string Text, string Detail, IReadOnlyList<(string Title, string Verb, JsonObject Data)> Buttons);

/// <summary>Renders the admin card templates (<c>cards/admin-*.json</c>).</summary>
public sealed class AdminCards(CardTemplates templates)
{
    public Attachment Home(JsonObject data, AdminMessage message) => Render(CardName.AdminHome, message.AddTo(data));

    public Attachment Article(ArticleDraft draft, KnowledgeItemDetails? item, bool isNew, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var data = ArticleForm.Values(draft);
        data["heading"] = isNew ? AdminTexts.NewArticleHeading : AdminTexts.EditArticleHeading(draft.Id);
        data["status"] = item is null ? string.Empty : Status(item);
        data["isNew"] = isNew;
        data["isPublished"] = item?.PublishedNumber is not null;
        data["action"] = Action(KnowledgeKind.Article, draft.Id, item?.ItemVersion, isNew, data["parts"]!.GetValue<int>());
        return Render(CardName.AdminArticle, message.AddTo(data));
    }

    public Attachment Text(KnowledgeKind kind, KnowledgeItemDetails item, IReadOnlyList<string> parts, int part, string text, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(parts);
        var data = new JsonObject
        {
            ["heading"] = kind == KnowledgeKind.Scenario ? AdminTexts.BlocksHeadingScenario : AdminTexts.BlocksHeadingResources,
            ["status"] = AdminTexts.BlocksStatus(Published(item), part + 1, parts.Count),
            ["hasParts"] = parts.Count > 1,
            ["part"] = part.ToString(CultureInfo.InvariantCulture),
            ["parts"] = new JsonArray([.. parts.Select((p, i) => (JsonNode)new JsonObject
            {
                ["title"] = TextParts.NameOf(p, i, AdminTexts.BlockHead),
                ["value"] = i.ToString(CultureInfo.InvariantCulture),
            })]),
            ["label"] = AdminTexts.BlockLabel,
            ["text"] = text,
            ["open"] = new JsonObject { ["verb"] = AdminVerb.Blocks, ["kind"] = kind.ToString() },
            ["action"] = new JsonObject
            {
                ["verb"] = AdminVerb.SaveText,
                ["kind"] = kind.ToString(),
                ["item"] = item.Key,
                ["itemVersion"] = item.ItemVersion.ToString(CultureInfo.InvariantCulture),
                ["part"] = part.ToString(CultureInfo.InvariantCulture),
                ["baseNumber"] = item.LatestNumber.ToString(CultureInfo.InvariantCulture),
            },
        };
        return Render(CardName.AdminText, message.AddTo(data));
    }

    public Attachment List(string title, string intro, IReadOnlyList<AdminRow> rows, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = new JsonObject
        {
            ["title"] = title,
            ["intro"] = intro,
            ["empty"] = AdminTexts.Empty,
            ["isEmpty"] = rows.Count == 0,
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["text"] = r.Text,
                ["detail"] = r.Detail,
                ["hasButtons"] = r.Buttons.Count > 0,
                ["buttons"] = new JsonArray([.. r.Buttons.Select(b => (JsonNode)new JsonObject { ["title"] = b.Title, ["verb"] = b.Verb, ["data"] = b.Data })]),
            })]),
        };
        return Render(CardName.AdminList, message.AddTo(data));
    }

    public static JsonObject Action(KnowledgeKind kind, string key, int? itemVersion, bool isNew = false, int parts = 1) => new()
    {
        ["verb"] = AdminVerb.Save,
        ["kind"] = kind.ToString(),
        ["item"] = key,
        ["itemVersion"] = itemVersion?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["isNew"] = isNew ? "true" : "false",
        ["parts"] = parts.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Who made a version, for people: the seed import has a technical name in the database.</summary>
    public static string Author(string author) => author == KnowledgeItemVersion.SeedAuthor ? AdminTexts.SeedAuthor : CardText.Literal(author);

    public static string When(DateTimeOffset at) => $"{DutchDates.Format(SessionClock.Today(at))} om {SessionClock.TimeOfDay(at)}";

    private static string Status(KnowledgeItemDetails item)
    {
        var latest = item.Versions[0];
        return AdminTexts.Status(Published(item), latest.Number, StatusWord(latest.Status), Author(latest.Author), When(latest.CreatedAt));
    }

    private static string Published(KnowledgeItemDetails item) =>
        item.PublishedNumber is int number ? $"versie {number}" : AdminTexts.NotPublishedYet;

    public static string StatusWord(KnowledgeVersionStatus status) => status switch
    {
        KnowledgeVersionStatus.Published => "gepubliceerd",
        KnowledgeVersionStatus.Draft => "concept",
        _ => "eerder gepubliceerd",
    };

    private Attachment Render(string name, JsonObject data) => CardAttachment.From(templates.Render(name, data));
}
