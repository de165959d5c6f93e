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

    public Attachment Article(ArticleDraft draft, KnowledgeItemDetails? item, bool isNew, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var data = ArticleForm.Values(draft);
        data["heading"] = isNew ? AdminTexts.NewArticleHeading : AdminTexts.EditArticleHeading(draft.Id);
        data["status"] = item is null ? string.Empty : Status(item);
        data["isNew"] = isNew ? "true" : "false";
        data["isPublished"] = item?.PublishedNumber is not null;
        data["itemVersion"] = item is null ? string.Empty : Number(item.ItemVersion);
        return Render(CardName.AdminArticle, message.AddTo(data));
    }

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
