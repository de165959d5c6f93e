using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Sessions;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Tests.Sessions;

/// <summary>One table turns card verbs and typed words into the same engine commands.</summary>
public sealed class SessionCommandTableTests
{
    [Theory]
    [InlineData("volgende", SessionAction.Next)]
    [InlineData("Vorige.", SessionAction.Previous)]
    [InlineData("  stop! ", SessionAction.AskToEnd)]
    [InlineData("status", SessionAction.Status)]
    [InlineData("verslag", SessionAction.Report)]
    [InlineData("overnemen", SessionAction.TakeOver)]
    [InlineData("Start sessie", SessionAction.OpenSetup)]
    [InlineData("sessie starten", SessionAction.OpenSetup)]
    [InlineData("overdragen @Anna", SessionAction.HandOver)]
    [InlineData("bijdrage: wij hebben een noodplan", SessionAction.Contribute)]
    public void TypedWords_NameTheirAction(string text, SessionAction expected)
    {
        Assert.Equal(expected, SessionCommandTable.FromText(text)?.Action);
    }

    [Theory]
    [InlineData("Wat is een noodpakket?")]
    [InlineData("volgende vraag")]
    [InlineData("sessionNext")]
    public void OtherText_IsNoSessionCommand(string text)
    {
        Assert.Null(SessionCommandTable.FromText(text));
    }

    [Fact]
    public void TypedContribution_BecomesAContributionToTheCurrentQuestion()
    {
        var route = SessionCommandTable.FromText("Bijdrage:  wij hebben een noodplan ")!;

        var command = SessionCommandTable.Command(route, new SessionCommandInput(null, route.Argument, CurrentQuestionId: "q1"));

        Assert.Equal(new Contribute("q1", "wij hebben een noodplan"), command);
    }

    [Fact]
    public void TypedContribution_WithoutTextOrQuestion_MakesNoCommand()
    {
        var route = SessionCommandTable.FromText("bijdrage:")!;

        Assert.Null(SessionCommandTable.Command(route, new SessionCommandInput(null, route.Argument, CurrentQuestionId: "q1")));
        Assert.Null(SessionCommandTable.Command(SessionCommandTable.FromText("bijdrage: iets")!, new SessionCommandInput(null, "iets")));
    }

    [Fact]
    public void CardAndTypedForms_OfTheSameAction_MakeTheSameCommand()
    {
        var card = SessionCommandTable.FromVerb(SessionVerb.Next)!;
        var typed = SessionCommandTable.FromText("volgende")!;

        Assert.Equal(SessionCommandTable.Command(card, new SessionCommandInput(new JObject())), SessionCommandTable.Command(typed, new SessionCommandInput(null)));
        Assert.Equal(
            new TakeOver(FacilitatorHasLeft: true),
            SessionCommandTable.Command(SessionCommandTable.FromText("overnemen")!, new SessionCommandInput(null, FacilitatorHasLeft: true)));
    }

    [Fact]
    public void HandOver_NeedsAMention()
    {
        var route = SessionCommandTable.FromText("overdragen")!;

        Assert.Null(SessionCommandTable.Command(route, new SessionCommandInput(null)));
        Assert.Equal(new HandOver("29:anna"), SessionCommandTable.Command(route, new SessionCommandInput(null, MentionedMember: "29:anna")));
    }

    [Fact]
    public void CardData_IsReadIntoTheCommand_AndDataThatDoesNotFitMakesNone()
    {
        var id = Guid.NewGuid();
        var tag = SessionCommandTable.FromVerb(SessionVerb.Tag)!;

        Assert.Equal(new TagContribution(id, ContributionTag.Actie), SessionCommandTable.Command(tag, new SessionCommandInput(new JObject { ["contribution"] = id.ToString(), ["tag"] = "Actie" })));
        Assert.Null(SessionCommandTable.Command(tag, new SessionCommandInput(new JObject { ["contribution"] = "geen-id", ["tag"] = "Actie" })));
        Assert.Equal(
            new Contribute("q1", "Antwoord"),
            SessionCommandTable.Command(SessionCommandTable.FromVerb(SessionVerb.Contribute)!, new SessionCommandInput(new JObject { ["question"] = "q1", ["answer_q1"] = "Antwoord" })));
    }

    [Fact]
    public void EveryCardVerb_IsInTheTable_AndActionsWithoutACommandMakeNone()
    {
        var verbs = typeof(SessionVerb).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(verbs, verb => Assert.NotNull(SessionCommandTable.FromVerb(verb)));
        Assert.Null(SessionCommandTable.FromVerb("sessionUnknown"));
        Assert.Null(SessionCommandTable.Command(SessionCommandTable.FromVerb(SessionVerb.View)!, new SessionCommandInput(new JObject())));
    }
}
