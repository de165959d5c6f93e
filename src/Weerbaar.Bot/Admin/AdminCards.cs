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

/// <summary>One row of a list card, with its buttons.</summary>
public sealed record AdminRow(string Text, string Detail, IReadOnlyList<(string Title, string Verb, JsonObject Data)> Buttons);

/// <summary>Renders the admin card templates (<c>cards/admin-*.json</c>) from what the admin's actions return.</summary>
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
        data["isNew"] = isNew;
        data["isPublished"] = item?.PublishedNumber is not null;
        data["action"] = Action(KnowledgeKind.Article, draft.Id, item?.ItemVersion, isNew, data["parts"]!.GetValue<int>());
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
            ["part"] = part.ToString(CultureInfo.InvariantCulture),
            ["parts"] = new JsonArray([.. parts.Select((p, i) => (JsonNode)new JsonObject
            {
                ["title"] = TextParts.NameOf(p, i),
                ["value"] = i.ToString(CultureInfo.InvariantCulture),
            })]),
            ["label"] = AdminTexts.BlockLabel,
            ["text"] = edit.Text,
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

    public Attachment History(KnowledgeItemDetails item, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(item);
        var rows = item.Versions.Take(KnowledgeAdmin.ListedRows).Select(version =>
        {
            var buttons = new List<(string, string, JsonObject)>();
            var data = new JsonObject
            {
                ["verb"] = AdminVerb.Rollback,
                ["kind"] = item.Kind.ToString(),
                ["item"] = item.Key,
                ["itemVersion"] = item.ItemVersion.ToString(CultureInfo.InvariantCulture),
            };
            if (version.Number == item.PublishedNumber)
            {
                buttons.Add(("Terugdraaien", AdminVerb.Rollback, data));
            }
            else
            {
                data["number"] = version.Number.ToString(CultureInfo.InvariantCulture);
                buttons.Add(("Deze versie terugzetten", AdminVerb.Rollback, data));
            }

            return new AdminRow(
                $"**Versie {version.Number}** · {StatusWord(version.Status)}",
                $"{Author(version.Author)}, {When(version.CreatedAt)}: {CardText.Literal(version.Summary)}",
                buttons);
        }).ToList();
        return List(AdminTexts.HistoryTitle(item.Key), AdminTexts.HistoryIntro, rows, message);
    }

    public Attachment Log(IReadOnlyList<KnowledgeAuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.Select(e => new AdminRow(
            $"**{ActionWord(e.Action)}**: {CardText.Literal(e.Key)}, versie {e.VersionNumber}",
            $"{CardText.Literal(e.ActorName)}, {When(e.At)}: {CardText.Literal(e.Summary)}",
            [])).ToList();
        return List(AdminTexts.LogTitle, AdminTexts.LogIntro(rows.Count), rows, AdminMessage.None);
    }

    public Attachment Questions(IReadOnlyList<QuestionGroup> groups, AdminMessage message)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = groups.Take(KnowledgeAdmin.ListedRows).Select(g => new AdminRow(
            CardText.Literal(g.Example),
            AdminTexts.QuestionGroupLine(g.Count, g.Partial, When(g.LastAskedAt)),
            [
                ("Maak artikel", AdminVerb.NewFromQuestion, new JsonObject { ["verb"] = AdminVerb.NewFromQuestion, ["question"] = g.Example }),
                ("Buiten scope", AdminVerb.OutOfScope, new JsonObject { ["verb"] = AdminVerb.OutOfScope, ["normalized"] = g.NormalizedTexts[0] }),
            ])).ToList();
        return List(AdminTexts.QuestionsTitle, AdminTexts.QuestionsIntro, rows, message);
    }

    public Attachment Feedback(IReadOnlyList<ArticleFeedback> perArticle, IReadOnlyDictionary<string, Article> articles)
    {
        ArgumentNullException.ThrowIfNull(perArticle);
        ArgumentNullException.ThrowIfNull(articles);
        var rows = perArticle.Take(KnowledgeAdmin.ListedRows).Select(a => new AdminRow(
            $"**{CardText.Literal(articles.TryGetValue(a.ArticleId, out var article) ? article.Title : a.ArticleId)}**: {a.NotHelpful}× 👎, {a.Helpful}× 👍 ({a.NotHelpfulShare:P0} 👎)",
            string.Join(" · ", a.Comments.Select(c => $"“{CardText.Literal(c)}”")),
            articles.ContainsKey(a.ArticleId) ? [("Bewerken", AdminVerb.Edit, new JsonObject { ["verb"] = AdminVerb.Edit, ["kind"] = nameof(KnowledgeKind.Article), ["item"] = a.ArticleId })] : [])).ToList();
        return List(AdminTexts.FeedbackTitle, AdminTexts.FeedbackIntro, rows, AdminMessage.None);
    }

    private Attachment List(string title, string intro, List<AdminRow> rows, AdminMessage message)
    {
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

    private static JsonObject Action(KnowledgeKind kind, string key, int? itemVersion, bool isNew = false, int parts = 1) => new()
    {
        ["verb"] = AdminVerb.Save,
        ["kind"] = kind.ToString(),
        ["item"] = key,
        ["itemVersion"] = itemVersion?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["isNew"] = isNew ? "true" : "false",
        ["parts"] = parts.ToString(CultureInfo.InvariantCulture),
    };

    private static JsonArray Rows(IEnumerable<(string Text, KnowledgeKind Kind, string Key)> rows) =>
        [.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["text"] = r.Text,
            ["edit"] = new JsonObject { ["verb"] = AdminVerb.Edit, ["kind"] = r.Kind.ToString(), ["item"] = r.Key },
        })];

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

    private Attachment Render(string name, JsonObject data) => BotCards.ToAttachment(templates.Render(name, data));
}
