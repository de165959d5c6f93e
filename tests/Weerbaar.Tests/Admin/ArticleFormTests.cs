using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Admin;

/// <summary>The article form's source rows, and which field each reason of the knowledge checks is shown at.</summary>
public sealed class ArticleFormTests
{
    private static readonly ArticleDraft Draft = ArticleDraft.New("noodpakket", "Wat hoort er in een noodpakket?", new DateOnly(2026, 12, 4)) with
    {
        Sources = [new SourceReference("Denk vooruit", "https://www.denkvooruit.nl", "Rijksoverheid", "2025-11"), new SourceReference("Brief", null, "Ministerie", "2024-12-06")],
    };

    [Fact]
    public void Sources_RoundTripAsRows_ASourceWithoutAddressReadsGeen_AndEmptyRowsAreNoSource()
    {
        var values = ArticleForm.Values(Draft, emptySourceRows: 1, ArticleForm.SectionedBodyInChat);
        Assert.Equal("3", values["sourceRows"]!.GetValue<string>());
        Assert.Equal("geen", values["sources"]![1]!["url"]!.GetValue<string>());

        var read = ArticleForm.Read(Submitted(values), "noodpakket");

        Assert.Equal(Draft.Sources, read.Draft.Sources);
    }

    [Fact]
    public void ARemovedRow_IsLeftOut_AndAnEmptyAddressMeansNone()
    {
        var submitted = Submitted(ArticleForm.Values(Draft, emptySourceRows: 0, ArticleForm.SectionedBodyInChat));
        submitted["source_1_url"] = "  ";

        var read = ArticleForm.Read(submitted, "noodpakket", removedSourceRow: 0);

        Assert.Equal([new SourceReference("Brief", null, "Ministerie", "2024-12-06")], read.Draft.Sources);
    }

    [Fact]
    public void ACardFromBeforeSourceRows_IsRefused_RatherThanLosingItsSources()
    {
        var submitted = new JObject { ["sources"] = "Denk vooruit | geen | Rijksoverheid | 2025", ["lastChecked"] = "2026-12-01", ["factsAsOf"] = "2026-11" };

        var (_, problems) = ArticleForm.Read(submitted, "noodpakket");

        Assert.Equal([new FieldProblem(ArticleField.Sources, AdminTexts.SourcesOnOldCard)], problems);
    }

    [Theory]
    [InlineData("'title' must be 10–100 characters (is 4)", ArticleField.Title)]
    [InlineData("'summary' is missing", ArticleField.Summary)]
    [InlineData("each entry of 'questions' must be text of 5–200 characters", ArticleField.Questions)]
    [InlineData("the question 'Wat?' repeats the title", ArticleField.Questions)]
    [InlineData("'url' must be an http(s) address or 'geen'", ArticleField.Sources)]
    [InlineData("'sources' must have 1–10 entries (has 0)", ArticleField.Sources)]
    [InlineData("'laatst_gecontroleerd' lies in the future", ArticleField.LastChecked)]
    [InlineData("'stand' (the month the facts stand for) lies after 'laatst_gecontroleerd'", ArticleField.FactsAsOf)]
    [InlineData("the body must have 80–1500 words (has 12)", ArticleField.Body)]
    [InlineData("use '##' for sections", ArticleField.Body)]
    [InlineData("the section 'Water' is empty", ArticleField.Body)]
    [InlineData("related article 'stroom' does not exist", ArticleField.None)]
    [InlineData("'audience' must be a list", ArticleField.None)]
    public void EachReason_IsShownAtTheFieldItIsAbout(string message, string field) =>
        Assert.Equal(field, ArticleField.Of(new KnowledgeProblem("articles/noodpakket.md", 3, message)));

    // What Teams sends back: every input's value under its id, as the card drew it.
    private static JObject Submitted(JsonObject values)
    {
        var data = new JObject
        {
            ["sourceRows"] = values["sourceRows"]!.GetValue<string>(),
            ["lastChecked"] = "2026-12-01",
            ["factsAsOf"] = "2026-11",
        };
        foreach (var row in values["sources"]!.AsArray())
        {
            foreach (var field in (string[])["title", "url", "publisher", "date"])
            {
                data[row![field + "Id"]!.GetValue<string>()] = row[field]!.GetValue<string>();
            }
        }

        return data;
    }
}
