using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Admin;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Admin;
using Weerbaar.Core.Knowledge;
using static Weerbaar.Tests.Conversation.ConversationTests;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// The buttons the admin templates draw send back what <see cref="AdminCardData"/> reads: the item, its version and the
/// version to put back, all as text.
/// </summary>
public sealed class AdminCardsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 15, 0, TimeSpan.Zero);

    private readonly AdminCards _cards = new(new CardTemplates());

    [Fact]
    public void HistoryButtons_UndoThePublishedVersion_OrPutAnOlderOneBack()
    {
        var item = new KnowledgeItemDetails(KnowledgeKind.Article, "noodpakket", 4, 2,
            [new(2, KnowledgeVersionStatus.Published, "Bea", "titel", At), new(1, KnowledgeVersionStatus.Retired, KnowledgeItemVersion.SeedAuthor, string.Empty, At)],
            string.Empty, 2);

        var actions = ExecuteActions(Card(_cards.History(item, AdminMessage.None))).Where(a => a!["verb"]!.GetValue<string>() == AdminVerb.Rollback).ToList();

        Assert.Equal(["Terugdraaien", "Deze versie terugzetten"], actions.Select(a => a!["title"]!.GetValue<string>()));
        var undo = Read(actions[0]!);
        Assert.Equal((KnowledgeKind.Article, "noodpakket", 4, (int?)null), (undo.Kind, undo.Key, undo.ItemVersion, undo.Number));
        Assert.Equal(1, Read(actions[1]!).Number);
    }

    [Fact]
    public void NewArticleForm_SendsItselfAsNew_WithoutAnItemVersion()
    {
        var card = Card(_cards.Article(new ArticleEditorState(KnowledgeAdmin.NewArticle(string.Empty, new DateOnly(2026, 12, 3)), null, IsNew: true, ItemVersion: null, AdminMessage.None)));

        var publish = ExecuteActions(card).Single(a => a!["verb"]!.GetValue<string>() == AdminVerb.Publish)!;
        var data = (JsonObject)publish["data"]!.DeepClone();
        data["articleId"] = " zonnebloemdag ";
        var read = Read(data);

        Assert.True(read.IsNew);
        Assert.Equal("zonnebloemdag", read.Key);
        Assert.Null(read.ItemVersion);
        Assert.Equal("1", read.Text("parts"));
    }

    [Fact]
    public void TextPartButtons_CarryThePartAndTheFileVersion()
    {
        var item = new KnowledgeItemDetails(KnowledgeKind.Scenario, "scenario", 7, 3, [new(3, KnowledgeVersionStatus.Published, "Bea", "stap", At)], "kop\n  - id: opening\n", 3);
        var edit = new TextPartEdit(KnowledgeKind.Scenario, item, ["kop", "  - id: opening\n"], 1, "  - id: opening\n");

        var save = ExecuteActions(Card(_cards.Text(edit, AdminMessage.None))).Single(a => a!["verb"]!.GetValue<string>() == AdminVerb.PublishText)!;
        var read = Read(save);

        Assert.Equal((KnowledgeKind.Scenario, "scenario", 7, 1), (read.Kind, read.Key, read.ItemVersion, read.Part));
    }

    private static JsonNode Card(Microsoft.Bot.Schema.Attachment attachment) => JsonNode.Parse(((JObject)attachment.Content).ToString())!;

    private static AdminCardData Read(JsonNode action) => new(JObject.Parse((action["data"] ?? action).ToJsonString()));
}
