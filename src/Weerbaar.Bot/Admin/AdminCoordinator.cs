using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Conversation;
using Weerbaar.Bot.Knowledge;
using Weerbaar.Bot.Questions;
using Weerbaar.Core.Answering;
using Weerbaar.Core.Feedback;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Language;
using Weerbaar.Core.Search;

namespace Weerbaar.Bot.Admin;

/// <summary>
/// Knowledge admin in Teams: <c>beheer</c> and its cards. Every verb checks the sender's rights itself, so a forged
/// invoke gets the same "geen toegang" as a typed command. Each change goes through the <see cref="KnowledgeEditor"/>
/// with the item version the card was drawn with; a publish or rollback rebuilds this instance's index at once.
/// </summary>
public sealed class AdminCoordinator(
    AdminPolicy policy,
    AdminCards cards,
    AnswerCards answerCards,
    KnowledgeEditor editor,
    KnowledgeRefresher refresher,
    KnowledgeSearch search,
    UnansweredQuestionLog unanswered,
    FeedbackStore feedback,
    IOptions<AdminOptions> options,
    IOptions<AnswerOptions> answerOptions,
    TimeProvider timeProvider,
    ILogger<AdminCoordinator> logger)
{
    private const int ListedRows = 25;

    /// <summary>Handles typed <c>beheer …</c>; false when the text is not an admin command.</summary>
    public async Task<bool> TryHandleTypedAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Trim().TrimEnd('.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !string.Equals(words[0], "beheer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Refusal(turnContext.Activity) is string refusal)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(refusal), cancellationToken);
            return true;
        }

        var card = words.Length == 1 ? await HomeAsync(null, AdminMessage.None, cancellationToken)
            : words.Length > 2 ? null
            : words[1].ToLowerInvariant() switch
            {
                "log" or "logboek" => await LogAsync(cancellationToken),
                "vragen" => await QuestionsAsync(ActivityTenant.Of(turnContext.Activity), AdminMessage.None, cancellationToken),
                "feedback" => await FeedbackAsync(ActivityTenant.Of(turnContext.Activity), cancellationToken),
                _ => null,
            };
        await turnContext.SendActivityAsync(card is null ? MessageFactory.Text(AdminTexts.UnknownCommand) : MessageFactory.Attachment(card), cancellationToken);
        return true;
    }

    /// <summary>Carries out an admin card button; the returned card replaces the pressed one.</summary>
    public async Task<CardActionResult> HandleAsync(ITurnContext turnContext, string verb, JObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Refusal(turnContext.Activity) is string refusal)
        {
            var refused = Known(verb);
            Log.AdminRefused(logger, refused);
            return CardActionResult.Answer(refusal);
        }

        data ??= [];
        var actor = new KnowledgeActor(turnContext.Activity.From.AadObjectId, turnContext.Activity.From.Name ?? AdminTexts.UnnamedAdmin);
        var kind = Enum.TryParse<KnowledgeKind>(Text(data, "kind"), out var parsed) && Enum.IsDefined(parsed) ? parsed : KnowledgeKind.Article;
        // A new article names itself in the form; every other card carries the item it was drawn for.
        var key = (Text(data, "isNew") == "true" ? Text(data, "articleId") : Text(data, "item")).Trim();
        var itemVersion = int.TryParse(Text(data, "itemVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var card = verb switch
        {
            AdminVerb.Home => await HomeAsync(null, AdminMessage.None, cancellationToken),
            AdminVerb.Search => await HomeAsync(Text(data, "query"), AdminMessage.None, cancellationToken),
            AdminVerb.New => cards.Article(ArticleDraft.New(string.Empty, string.Empty, Today()), null, isNew: true, AdminMessage.None),
            AdminVerb.NewFromQuestion => cards.Article(ArticleDraft.New(SuggestId(Text(data, "question")), Text(data, "question"), Today()), null, isNew: true, AdminMessage.None),
            AdminVerb.Edit when kind == KnowledgeKind.Article => await EditArticleAsync(key, AdminMessage.None, cancellationToken),
            AdminVerb.Edit or AdminVerb.Blocks => await EditTextAsync(kind, Part(data), AdminMessage.None, cancellationToken),
            AdminVerb.Preview => await PreviewAsync(turnContext, data, key, cancellationToken),
            AdminVerb.Save or AdminVerb.Publish => await SaveArticleAsync(data, key, itemVersion, actor, publish: verb == AdminVerb.Publish, cancellationToken),
            AdminVerb.SaveText or AdminVerb.PublishText when itemVersion is int expected =>
                await SaveTextAsync(kind, data, expected, actor, publish: verb == AdminVerb.PublishText, cancellationToken),
            AdminVerb.Unpublish when itemVersion is int expected => await UnpublishAsync(key, expected, actor, cancellationToken),
            AdminVerb.History => await HistoryAsync(kind, key, AdminMessage.None, cancellationToken),
            AdminVerb.Rollback when itemVersion is int expected => await RollbackAsync(kind, key, data, expected, actor, cancellationToken),
            AdminVerb.Log => await LogAsync(cancellationToken),
            AdminVerb.Questions => await QuestionsAsync(ActivityTenant.Of(turnContext.Activity), AdminMessage.None, cancellationToken),
            AdminVerb.OutOfScope => await OutOfScopeAsync(ActivityTenant.Of(turnContext.Activity), Text(data, "normalized"), cancellationToken),
            AdminVerb.Feedback => await FeedbackAsync(ActivityTenant.Of(turnContext.Activity), cancellationToken),
            _ => null,
        };
        var logged = Known(verb);
        Log.AdminAction(logger, logged, card is null ? "stale" : "done");
        return card is null ? CardActionResult.Answer(AdminTexts.StaleCard) : CardActionResult.WithCard(card, AdminTexts.StaleCard);
    }

    // Verbs come from the client; only the ones this class knows are written to the log.
    private static string Known(string verb) => typeof(AdminVerb).GetFields().Any(f => Equals(f.GetValue(null), verb)) ? verb : "unknown";

    private string? Refusal(Activity activity) =>
        !policy.IsAdmin(activity) ? AdminTexts.NoAccess
        : ConversationScope.IsGroup(activity) ? AdminTexts.PersonalOnly
        : null;

    private async Task<Attachment> HomeAsync(string? query, AdminMessage message, CancellationToken cancellationToken)
    {
        var articles = search.Knowledge.Set.Articles;
        var drafts = await editor.ListDraftsAsync(cancellationToken);
        var staleBefore = Today().AddDays(-options.Value.StaleAfterDays);
        var stale = articles.Where(a => a.LastChecked < staleBefore).OrderBy(a => a.LastChecked).ToList();
        var data = new JsonObject
        {
            ["summary"] = AdminTexts.HomeSummary(articles.Count, drafts.Count, stale.Count, options.Value.StaleAfterDays),
            ["query"] = query ?? string.Empty,
            ["waiting"] = Rows(drafts.Take(ListedRows).Select(d => ($"{CardText.Literal(d.Key)}: concept van {AdminCards.Author(d.Author)}", d.Kind, d.Key))),
            ["hasWaiting"] = drafts.Count > 0,
            ["stale"] = Rows(stale.Take(ListedRows).Select(a => ($"{CardText.Literal(a.Title)} (laatst gecontroleerd {DutchDates.Format(a.LastChecked)})", KnowledgeKind.Article, a.Id))),
            ["hasStale"] = stale.Count > 0,
            ["staleTitle"] = $"Langer dan {options.Value.StaleAfterDays} dagen niet gecontroleerd",
        };
        var searched = query?.Trim() ?? string.Empty;
        var found = searched.Length == 0 ? [] : Find(searched, articles, drafts);
        data["hasResults"] = searched.Length > 0;
        data["resultsTitle"] = found.Count == 0 ? AdminTexts.NoResults(CardText.Literal(searched)) : $"Gevonden: {found.Count}";
        data["results"] = Rows(found.Select(f => (f.Text, KnowledgeKind.Article, f.Key)));
        return cards.Home(data, message);
    }

    private static List<(string Text, string Key)> Find(string query, IReadOnlyList<Article> articles, IReadOnlyList<(KnowledgeKind Kind, string Key, string Author)> drafts)
    {
        var wanted = ArticleParser.Normalize(query);
        var published = articles
            .Where(a => a.Id.Contains(wanted, StringComparison.Ordinal) || new[] { a.Title, a.Summary }.Concat(a.Questions).Concat(a.Tags).Any(t => ArticleParser.Normalize(t).Contains(wanted, StringComparison.Ordinal)))
            .Select(a => ($"**{CardText.Literal(a.Title)}** ({a.Id})", a.Id));
        var unpublished = drafts.Where(d => d.Kind == KnowledgeKind.Article && d.Key.Contains(wanted, StringComparison.Ordinal) && articles.All(a => a.Id != d.Key))
            .Select(d => ($"{d.Key} (concept)", d.Key));
        return [.. published.Concat(unpublished).Take(ListedRows)];
    }

    private async Task<Attachment?> EditArticleAsync(string key, AdminMessage message, CancellationToken cancellationToken)
    {
        var item = await editor.GetAsync(KnowledgeKind.Article, key, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var draft = ArticleDraft.Read(KnowledgePaths.For(KnowledgeKind.Article, key), item.LatestContent) ?? ArticleDraft.New(key, string.Empty, Today());
        return cards.Article(draft, item, isNew: false, message);
    }

    // The submitted form, with the item it edits (null for a new article) for the fields the form does not show.
    private async Task<(bool IsNew, KnowledgeItemDetails? Item, ArticleDraft Draft, IReadOnlyList<string> Problems)> ReadFormAsync(JObject data, string key, CancellationToken cancellationToken)
    {
        var isNew = Text(data, "isNew") == "true";
        var item = isNew ? null : await editor.GetAsync(KnowledgeKind.Article, key, cancellationToken);
        var current = item is null ? null : ArticleDraft.Read(KnowledgePaths.For(KnowledgeKind.Article, key), item.LatestContent);
        var (draft, problems) = ArticleForm.Read(data, key, current);
        return (isNew, item, draft, problems);
    }

    private async Task<Attachment> SaveArticleAsync(JObject data, string key, int? itemVersion, KnowledgeActor actor, bool publish, CancellationToken cancellationToken)
    {
        var (isNew, item, draft, formProblems) = await ReadFormAsync(data, key, cancellationToken);
        if (formProblems.Count > 0)
        {
            return cards.Article(draft, item, isNew, new AdminMessage(AdminTexts.Invalid, IsProblem: true, formProblems));
        }

        var content = draft.ToFileText();
        var summary = Text(data, "changeSummary").Trim() is { Length: > 0 } given ? given : isNew ? "Nieuw artikel" : "Bewerkt";
        EditOutcome saved;
        if (!isNew && item is not null && item.LatestContent == content && item.ItemVersion == itemVersion)
        {
            // Nothing changed since the latest version (or a double click): publish that version instead of copying it.
            saved = new EditOutcome(EditResult.Saved, item.ItemVersion, item.LatestNumber);
        }
        else
        {
            saved = await editor.SaveDraftAsync(KnowledgeKind.Article, key, content, actor, summary, isNew ? null : itemVersion ?? -1, cancellationToken);
        }

        if (!saved.Succeeded)
        {
            return cards.Article(draft, item, isNew, Failure(saved, key));
        }

        var message = await PublishIfAskedAsync(KnowledgeKind.Article, key, saved, actor, publish, cancellationToken);
        return await EditArticleAsync(key, message, cancellationToken) ?? cards.Article(draft, null, isNew, message);
    }

    private async Task<Attachment> PreviewAsync(ITurnContext turnContext, JObject data, string key, CancellationToken cancellationToken)
    {
        var (isNew, item, draft, _) = await ReadFormAsync(data, key, cancellationToken);
        var article = ArticleParser.ParseForEditing(KnowledgePaths.For(KnowledgeKind.Article, key), draft.ToFileText());
        if (article is null || article.Sections.Count == 0 || article.Title.Length == 0)
        {
            return cards.Article(draft, item, isNew, new AdminMessage(AdminTexts.PreviewImpossible, IsProblem: true));
        }

        // The card a user gets when the question lands on the lead: same template, passage length and follow-ups.
        var passage = Passage.Trim(article.Lead.Text, answerOptions.Value.PassageWords);
        var preview = answerCards.Answer(article, new AnswerCardData("preview", article.Id, 0, 0, article.Title), passage,
            Answerer.FollowUps(article, search.Knowledge.Set), FeedbackState.Open, string.Empty, truncated: false);
        var activity = MessageFactory.Attachment(preview);
        activity.Summary = $"Voorbeeld: {article.Title}";
        await turnContext.SendActivityAsync(activity, cancellationToken);
        return cards.Article(draft, item, isNew, new AdminMessage(AdminTexts.PreviewBelow));
    }

    // After a successful save: publishes that version when asked (rebuilding the index at once) and says what happened.
    private async Task<AdminMessage> PublishIfAskedAsync(KnowledgeKind kind, string key, EditOutcome saved, KnowledgeActor actor, bool publish, CancellationToken cancellationToken)
    {
        var outcome = publish ? await editor.PublishAsync(kind, key, saved.VersionNumber, actor, saved.ItemVersion, cancellationToken) : saved;
        if (outcome.Result == EditResult.Published)
        {
            await refresher.RefreshAsync(cancellationToken);
        }

        return outcome.Result switch
        {
            EditResult.Published => new AdminMessage(AdminTexts.Published(outcome.VersionNumber)),
            EditResult.Saved when outcome.Problems.Count > 0 => new AdminMessage(AdminTexts.SavedWithProblems(outcome.VersionNumber), IsProblem: true, Dutch(outcome.Problems)),
            EditResult.Saved => new AdminMessage(AdminTexts.Saved(outcome.VersionNumber)),
            EditResult.Invalid => new AdminMessage(AdminTexts.NotPublished(saved.VersionNumber), IsProblem: true, Dutch(outcome.Problems)),
            _ => Failure(outcome, key),
        };
    }

    private async Task<Attachment?> UnpublishAsync(string key, int expected, KnowledgeActor actor, CancellationToken cancellationToken)
    {
        var outcome = await editor.UnpublishAsync(KnowledgeKind.Article, key, actor, expected, cancellationToken);
        if (outcome.Succeeded)
        {
            await refresher.RefreshAsync(cancellationToken);
        }

        return await EditArticleAsync(key, outcome.Succeeded ? new AdminMessage(AdminTexts.Unpublished) : Failure(outcome, key), cancellationToken);
    }

    private async Task<Attachment?> HistoryAsync(KnowledgeKind kind, string key, AdminMessage message, CancellationToken cancellationToken)
    {
        var item = await editor.GetAsync(kind, key, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var rows = item.Versions.Take(ListedRows).Select(version =>
        {
            var buttons = new List<(string, string, JsonObject)>();
            var data = new JsonObject
            {
                ["verb"] = AdminVerb.Rollback,
                ["kind"] = kind.ToString(),
                ["item"] = key,
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
                $"**Versie {version.Number}** · {AdminCards.StatusWord(version.Status)}",
                $"{AdminCards.Author(version.Author)}, {AdminCards.When(version.CreatedAt)}: {CardText.Literal(version.Summary)}",
                buttons);
        }).ToList();
        return cards.List(AdminTexts.HistoryTitle(key), AdminTexts.HistoryIntro, rows, message);
    }

    private async Task<Attachment?> RollbackAsync(KnowledgeKind kind, string key, JObject data, int expected, KnowledgeActor actor, CancellationToken cancellationToken)
    {
        int? number = int.TryParse(Text(data, "number"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var outcome = await editor.RollbackAsync(kind, key, number, actor, expected, cancellationToken);
        if (outcome.Succeeded)
        {
            await refresher.RefreshAsync(cancellationToken);
        }

        var details = outcome.Succeeded ? await editor.GetAsync(kind, key, cancellationToken) : null;
        var message = outcome.Result switch
        {
            EditResult.RolledBack when details?.PublishedNumber is int published => new AdminMessage(AdminTexts.RolledBack(published)),
            EditResult.RolledBack => new AdminMessage(AdminTexts.RolledBackToNothing),
            EditResult.NotFound => new AdminMessage(AdminTexts.NothingToRollBack, IsProblem: true),
            _ => Failure(outcome, key),
        };
        return await HistoryAsync(kind, key, message, cancellationToken);
    }

    private async Task<Attachment?> EditTextAsync(KnowledgeKind kind, int part, AdminMessage message, CancellationToken cancellationToken)
    {
        if (kind is not (KnowledgeKind.ResourceCatalog or KnowledgeKind.Scenario))
        {
            return null;
        }

        var key = KnowledgeFile.ForPath(KnowledgePaths.For(kind, string.Empty), string.Empty).Key;
        var item = await editor.GetAsync(kind, key, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var parts = TextParts.Split(item.LatestContent);
        var index = Math.Clamp(part, 0, parts.Count - 1);
        return cards.Text(kind, item, parts, index, parts[index], message);
    }

    private async Task<Attachment?> SaveTextAsync(KnowledgeKind kind, JObject data, int expected, KnowledgeActor actor, bool publish, CancellationToken cancellationToken)
    {
        var key = KnowledgeFile.ForPath(KnowledgePaths.For(kind, string.Empty), string.Empty).Key;
        var item = await editor.GetAsync(kind, key, cancellationToken);
        if (item is null || kind is not (KnowledgeKind.ResourceCatalog or KnowledgeKind.Scenario))
        {
            return null;
        }

        var parts = TextParts.Split(item.LatestContent).ToList();
        var index = Part(data);
        if (index >= parts.Count || item.ItemVersion != expected)
        {
            return cards.Text(kind, item, parts, Math.Min(index, parts.Count - 1), Text(data, "text"), new AdminMessage(AdminTexts.Conflict, IsProblem: true));
        }

        parts[index] = Text(data, "text").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + (index == parts.Count - 1 ? string.Empty : "\n");
        var summary = Text(data, "changeSummary").Trim() is { Length: > 0 } given ? given : $"Onderdeel {TextParts.NameOf(parts[index], index, AdminTexts.BlockHead)} bewerkt";
        var saved = await editor.SaveDraftAsync(kind, key, TextParts.Join(parts), actor, summary, expected, cancellationToken);
        var message = saved.Succeeded ? await PublishIfAskedAsync(kind, key, saved, actor, publish, cancellationToken) : Failure(saved, key);
        return await EditTextAsync(kind, index, message, cancellationToken);
    }

    private async Task<Attachment> LogAsync(CancellationToken cancellationToken)
    {
        var entries = await editor.AuditTrailAsync(ListedRows, cancellationToken);
        var rows = entries.Select(e => new AdminRow(
            $"**{ActionWord(e.Action)}**: {CardText.Literal(e.Key)}, versie {e.VersionNumber}",
            $"{CardText.Literal(e.ActorName)}, {AdminCards.When(e.At)}: {CardText.Literal(e.Summary)}",
            [])).ToList();
        return cards.List(AdminTexts.LogTitle, AdminTexts.LogIntro(rows.Count), rows, AdminMessage.None);
    }

    // Questions and feedback belong to the admin's own organisation (tenant); the knowledge is shared by the deployment.
    private async Task<Attachment> QuestionsAsync(string tenantId, AdminMessage message, CancellationToken cancellationToken)
    {
        var groups = await unanswered.GroupsAsync(tenantId, cancellationToken);
        var rows = groups.Take(ListedRows).Select(g => new AdminRow(
            CardText.Literal(g.Example),
            AdminTexts.QuestionGroupLine(g.Count, g.Partial, AdminCards.When(g.LastAskedAt)),
            [
                ("Maak artikel", AdminVerb.NewFromQuestion, new JsonObject { ["verb"] = AdminVerb.NewFromQuestion, ["question"] = g.Example }),
                ("Buiten scope", AdminVerb.OutOfScope, new JsonObject { ["verb"] = AdminVerb.OutOfScope, ["normalized"] = g.NormalizedTexts[0] }),
            ])).ToList();
        return cards.List(AdminTexts.QuestionsTitle, AdminTexts.QuestionsIntro, rows, message);
    }

    private async Task<Attachment> OutOfScopeAsync(string tenantId, string normalized, CancellationToken cancellationToken)
    {
        // The group is found again by one of its wordings, so a card drawn before new questions came in still marks all of them.
        var group = (await unanswered.GroupsAsync(tenantId, cancellationToken)).FirstOrDefault(g => g.NormalizedTexts.Contains(normalized, StringComparer.Ordinal));
        var marked = group is null ? 0 : await unanswered.MarkOutOfScopeAsync(tenantId, group.NormalizedTexts, cancellationToken);
        return await QuestionsAsync(tenantId, new AdminMessage(AdminTexts.OutOfScope(marked)), cancellationToken);
    }

    private async Task<Attachment> FeedbackAsync(string tenantId, CancellationToken cancellationToken)
    {
        var perArticle = await feedback.PerArticleAsync(tenantId, 3, cancellationToken);
        var titles = search.Knowledge.Set.ArticlesById;
        var rows = perArticle.Take(ListedRows).Select(a => new AdminRow(
            $"**{CardText.Literal(titles.TryGetValue(a.ArticleId, out var article) ? article.Title : a.ArticleId)}**: {a.NotHelpful}× 👎, {a.Helpful}× 👍 ({a.NotHelpfulShare:P0} 👎)",
            string.Join(" · ", a.Comments.Select(c => $"“{CardText.Literal(c)}”")),
            titles.ContainsKey(a.ArticleId) ? [("Bewerken", AdminVerb.Edit, new JsonObject { ["verb"] = AdminVerb.Edit, ["kind"] = nameof(KnowledgeKind.Article), ["item"] = a.ArticleId })] : [])).ToList();
        return cards.List(AdminTexts.FeedbackTitle, AdminTexts.FeedbackIntro, rows, AdminMessage.None);
    }

    private static AdminMessage Failure(EditOutcome outcome, string key) => outcome.Result switch
    {
        EditResult.Conflict => new AdminMessage(AdminTexts.Conflict, IsProblem: true),
        EditResult.AlreadyExists => new AdminMessage(AdminTexts.AlreadyExists(key), IsProblem: true),
        EditResult.NotFound => new AdminMessage(AdminTexts.StaleCard, IsProblem: true),
        _ => new AdminMessage(AdminTexts.Invalid, IsProblem: true, Dutch(outcome.Problems)),
    };

    private static string ActionWord(KnowledgeAction action) => action switch
    {
        KnowledgeAction.DraftSaved => "Concept opgeslagen",
        KnowledgeAction.Published => "Gepubliceerd",
        KnowledgeAction.Unpublished => "Uit publicatie gehaald",
        KnowledgeAction.RolledBack => "Teruggedraaid",
        _ => "Geïmporteerd",
    };

    private static JsonArray Rows(IEnumerable<(string Text, KnowledgeKind Kind, string Key)> rows) =>
        [.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["text"] = r.Text,
            ["edit"] = new JsonObject { ["verb"] = AdminVerb.Edit, ["kind"] = r.Kind.ToString(), ["item"] = r.Key },
        })];

    private static IReadOnlyList<string> Dutch(IReadOnlyList<KnowledgeProblem> problems) => [.. problems.Select(ProblemTexts.Dutch).Distinct()];

    // A readable id from a question: lower case, letters and digits, single hyphens, at most eight words.
    private static string SuggestId(string question)
    {
        var words = ArticleParser.Normalize(question).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsAsciiLetterOrDigit)])).Where(w => w.Length > 0).Take(8);
        return string.Join('-', words);
    }

    private DateOnly Today() => Sessions.SessionClock.Today(timeProvider.GetUtcNow());

    private static int Part(JObject data) => int.TryParse(Text(data, "part"), NumberStyles.None, CultureInfo.InvariantCulture, out var part) ? part : 0;


    private static string Text(JObject data, string name) => CardData.Text(data, name) ?? string.Empty;
}
