using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Admin;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Language;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Renders the admin card templates (<c>cards/admin-*.json</c>) from what the admin's actions return. The templates
/// state every button and its data; this class gives them values only, as text wherever a value travels back in a
/// button's data, because that is what <see cref="AdminCardData"/> reads.
/// </summary>
public sealed class AdminCards(CardTemplates templates)
{
    /// <param name="query">What the admin typed in the search box, shown there again as typed.</param>
    public Attachment Home(AdminOverview overview, string query, int staleAfterDays, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var data = new JsonObject
        {
            ["summary"] = AdminTexts.HomeSummary(overview.PublishedCount, overview.Drafts.Count, overview.Stale.Count, staleAfterDays),
            ["query"] = query,
            ["waiting"] = Rows(overview.Drafts.Take(KnowledgeAdmin.ListedRows).Select(d => ($"{CardText.Literal(d.Key)}: concept van {Author(d.Author)}", d.Kind, d.Key))),
            ["hasWaiting"] = overview.Drafts.Count > 0,
            ["stale"] = Rows(overview.Stale.Take(KnowledgeAdmin.ListedRows).Select(a => ($"{CardText.Literal(a.Title)} (laatst gecontroleerd {DutchDates.Format(a.LastChecked)})", KnowledgeKind.Article, a.Id))),
            ["hasStale"] = overview.Stale.Count > 0,
            ["staleTitle"] = $"Langer dan {staleAfterDays} dagen niet gecontroleerd",
            ["hasResults"] = overview.Query.Length > 0,
            ["resultsTitle"] = overview.Found.Count == 0 ? AdminTexts.NoResults(CardText.Literal(overview.Query)) : $"Gevonden: {overview.Found.Count}",
            ["results"] = Rows(overview.Found.Select(f => (f.Published is Article a ? $"**{CardText.Literal(a.Title)}** ({a.Id})" : $"{f.Key} (concept)", KnowledgeKind.Article, f.Key))),
        };
        return Render(CardName.AdminHome, message.AddTo(data));
    }

    /// <summary>The article card in the chat: its state, "Bewerken" (the dialog) and the form itself folded away.</summary>
    public Attachment Article(ArticleEditorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = ArticleData(state, inDialog: false, emptySourceRows: 1);
        data["titleShown"] = CardText.Literal(state.Draft.Title);
        data["heading"] = state.IsNew ? AdminTexts.NewArticleHeading : AdminTexts.EditArticleHeading(state.Draft.Id);
        var card = templates.Render(CardName.AdminArticle, state.Message.AddTo(data));
        return CardAttachment.From(WithForm(card, data));
    }

    /// <summary>The article form as a dialog, with <paramref name="preview"/> (an inert answer card) above it when given.</summary>
    public JsonNode ArticleDialog(ArticleEditorState state, JsonNode? preview, int emptySourceRows)
    {
        ArgumentNullException.ThrowIfNull(state);
        var data = ArticleData(state, inDialog: true, emptySourceRows);
        data["hasPreview"] = preview is not null;
        var card = WithForm(templates.Render(CardName.DialogArticle, state.Message.AddTo(data, listPlaced: false)), data);
        if (preview is not null)
        {
            var items = Slot(card, "preview");
            foreach (var element in preview["body"]!.AsArray())
            {
                items.Add(element!.DeepClone());
            }

            if (preview["actions"] is JsonArray { Count: > 0 } actions)
            {
                items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions.DeepClone() });
            }

            // A preview button comes back to this dialog like its other buttons do: naming the article and the form's shape.
            foreach (var button in Descendants(items).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "Action.Submit"))
            {
                var buttonData = button["data"]!.AsObject();
                buttonData["item"] = data[ArticleField.Id]!.DeepClone();
                foreach (var field in (string[])["itemVersion", "isNew", "parts", "sourceRows"])
                {
                    buttonData[field] = data[field]!.DeepClone();
                }
            }
        }

        return card;
    }

    public static string ArticleDialogTitle(ArticleEditorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsNew ? AdminTexts.NewArticleHeading : AdminTexts.EditArticleHeading(state.Draft.Id);
    }

    private static JsonObject ArticleData(ArticleEditorState state, bool inDialog, int emptySourceRows)
    {
        var sourceRows = state.Draft.Sources.Count == 0 ? Math.Max(1, emptySourceRows) : emptySourceRows;
        var data = ArticleForm.Values(state.Draft, sourceRows, inDialog ? ArticleForm.SectionedBodyInDialog : ArticleForm.SectionedBodyInChat);
        data["isDialog"] = inDialog;
        data["canAddSource"] = inDialog && data["canAddSource"]!.GetValue<bool>();
        data["status"] = state.Item is null ? string.Empty : Status(state.Item);
        data["isNew"] = state.IsNew ? "true" : "false";
        data["isPublished"] = state.Item?.PublishedNumber is not null;
        data["itemVersion"] = state.ItemVersion is int version ? Number(version) : string.Empty;
        data["changeSummary"] = state.ChangeSummary;
        return data;
    }

    // The form's fields are one template for the chat card and the dialog; each has a container where they go.
    private JsonNode WithForm(JsonNode card, JsonObject data)
    {
        var form = templates.Render(CardName.AdminArticleForm, data);
        var items = Slot(card, "articleForm");
        foreach (var element in form["body"]!.AsArray())
        {
            items.Add(element!.DeepClone());
        }

        return card;
    }

    private static JsonArray Slot(JsonNode card, string id) =>
        Descendants(card).OfType<JsonObject>().First(o => o["type"]?.GetValue<string>() == "Container" && o["id"]?.GetValue<string>() == id)["items"]!.AsArray();

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    public Attachment Text(TextPartEdit edit, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var (kind, item, parts, part) = (edit.Kind, edit.Item, edit.Parts, edit.Part);
        var data = new JsonObject
        {
            ["heading"] = kind == KnowledgeKind.Scenario ? AdminTexts.BlocksHeadingScenario : AdminTexts.BlocksHeadingResources,
            ["status"] = AdminTexts.BlocksStatus(Published(item), part + 1, parts.Count),
            ["hasParts"] = parts.Count > 1,
            ["part"] = Number(part),
            ["parts"] = new JsonArray([.. parts.Select((p, i) => (JsonNode)new JsonObject
            {
                ["title"] = TextParts.NameOf(p, i),
                ["value"] = Number(i),
            })]),
            ["label"] = AdminTexts.BlockLabel,
            ["text"] = edit.Text,
            ["kind"] = kind.ToString(),
            ["item"] = item.Key,
            ["itemVersion"] = Number(item.ItemVersion),
            ["baseNumber"] = Number(item.LatestNumber),
        };
        return Render(CardName.AdminText, message.AddTo(data));
    }

    public Attachment History(KnowledgeItemDetails item, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        var data = List(AdminTexts.HistoryTitle(item.Key), AdminTexts.HistoryIntro, item.Versions.Take(KnowledgeAdmin.ListedRows).Select(version => new JsonObject
        {
            ["text"] = $"**Versie {version.Number}** · {StatusWord(version.Status)}",
            ["detail"] = $"{Author(version.Author)}, {When(version.CreatedAt)}: {CardText.Literal(version.Summary)}",
            // The published version's button undoes it; any other puts that version back.
            ["isPublished"] = version.Number == item.PublishedNumber,
            ["number"] = Number(version.Number),
        }));
        data["kind"] = item.Kind.ToString();
        data["item"] = item.Key;
        data["itemVersion"] = Number(item.ItemVersion);
        return Render(CardName.AdminHistory, message.AddTo(data));
    }

    public Attachment Log(IReadOnlyList<KnowledgeAuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var data = List(AdminTexts.LogTitle, AdminTexts.LogIntro(entries.Count), entries.Select(e => new JsonObject
        {
            ["text"] = $"**{ActionWord(e.Action)}**: {CardText.Literal(e.Key)}, versie {e.VersionNumber}",
            ["detail"] = $"{CardText.Literal(e.ActorName)}, {When(e.At)}: {CardText.Literal(e.Summary)}",
        }));
        return Render(CardName.AdminLog, AdminMessage.None.AddTo(data));
    }

    public Attachment Questions(IReadOnlyList<QuestionGroup> groups, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var data = List(AdminTexts.QuestionsTitle, AdminTexts.QuestionsIntro, groups.Take(KnowledgeAdmin.ListedRows).Select(g => new JsonObject
        {
            ["text"] = CardText.Literal(g.Example),
            ["detail"] = AdminTexts.QuestionGroupLine(g.Count, g.Partial, When(g.LastAskedAt)),
            ["question"] = g.Example,
            ["normalized"] = g.NormalizedTexts[0],
        }));
        return Render(CardName.AdminQuestions, message.AddTo(data));
    }

    public Attachment Feedback(IReadOnlyList<ArticleFeedback> perArticle, IReadOnlyDictionary<string, Article> articles)
    {
        ArgumentNullException.ThrowIfNull(perArticle);
        ArgumentNullException.ThrowIfNull(articles);
        var data = List(AdminTexts.FeedbackTitle, AdminTexts.FeedbackIntro, perArticle.Take(KnowledgeAdmin.ListedRows).Select(a => new JsonObject
        {
            ["text"] = $"**{CardText.Literal(articles.TryGetValue(a.ArticleId, out var article) ? article.Title : a.ArticleId)}**: {a.NotHelpful}× 👎, {a.Helpful}× 👍 ({a.NotHelpfulShare:P0} 👎)",
            ["detail"] = string.Join("\n\n", a.Comments.Select(c => AdminTexts.FeedbackComment(CardText.Literal(c.Text), CardText.Literal(c.Question)))),
            ["canEdit"] = article is not null,
            ["articleId"] = a.ArticleId,
        }));
        return Render(CardName.AdminFeedback, AdminMessage.None.AddTo(data));
    }

    // What every list card has: a title, an introduction, the rows, and a sentence for when there are none.
    private static JsonObject List(string title, string intro, IEnumerable<JsonObject> rows)
    {
        var array = new JsonArray([.. rows]);
        return new JsonObject
        {
            ["title"] = title,
            ["intro"] = intro,
            ["empty"] = AdminTexts.Empty,
            ["isEmpty"] = array.Count == 0,
            ["rows"] = array,
        };
    }

    private static JsonArray Rows(IEnumerable<(string Text, KnowledgeKind Kind, string Key)> rows) =>
        [.. rows.Select(r => (JsonNode)new JsonObject { ["text"] = r.Text, ["kind"] = r.Kind.ToString(), ["key"] = r.Key })];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Who made a version, for people: the seed import has a technical name in the database.</summary>
    private static string Author(string author) => author == KnowledgeItemVersion.SeedAuthor ? AdminTexts.SeedAuthor : CardText.Literal(author);

    private static string When(DateTimeOffset at) => $"{DutchDates.Format(SessionClock.Today(at))} om {SessionClock.TimeOfDay(at)}";

    private static string Status(KnowledgeItemDetails item)
    {
        var latest = item.Versions[0];
        return AdminTexts.Status(Published(item), latest.Number, StatusWord(latest.Status), Author(latest.Author), When(latest.CreatedAt));
    }

    private static string Published(KnowledgeItemDetails item) =>
        item.PublishedNumber is int number ? $"versie {number}" : AdminTexts.NotPublishedYet;

    private static string StatusWord(KnowledgeVersionStatus status) => status switch
    {
        KnowledgeVersionStatus.Published => "gepubliceerd",
        KnowledgeVersionStatus.Draft => "concept",
        _ => "eerder gepubliceerd",
    };

    private static string ActionWord(KnowledgeAction action) => action switch
    {
        KnowledgeAction.DraftSaved => "Concept opgeslagen",
        KnowledgeAction.Published => "Gepubliceerd",
        KnowledgeAction.Unpublished => "Uit publicatie gehaald",
        KnowledgeAction.RolledBack => "Teruggedraaid",
        _ => "Geïmporteerd",
    };

    private Attachment Render(string name, JsonObject data) => CardAttachment.From(templates.Render(name, data));
}
