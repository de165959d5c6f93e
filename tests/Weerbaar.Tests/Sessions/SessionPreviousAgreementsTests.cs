using Weerbaar.Core.Sessions;
using static Weerbaar.Tests.Sessions.SessionTestData;

namespace Weerbaar.Tests.Sessions;

/// <summary>The loop closed: what a session leaves open comes back in the next one, is marked done, and is reported.</summary>
public sealed class SessionPreviousAgreementsTests
{
    private static readonly DateOnly Due = new(2027, 3, 1);
    private static readonly Scenario TestScenario = SessionTestData.Scenario;

    /// <summary>A completed session with two agreements of its own.</summary>
    private static SessionState LastSession()
    {
        var state = At(Start(), "afspraken");
        state = Apply(state, new AddAgreement("Noodplan oefenen", "Crisiscoördinator", Due));
        state = Apply(state, new AddAgreement("Noodstroom regelen", "Facilitair manager", Due.AddMonths(1)));
        return Apply(state, new Complete());
    }

    private static SessionState NextSession(SessionState last) =>
        Start() with { PreviousAgreements = SessionPreviousAgreements.OpenAfter(last) };

    [Fact]
    public void OpenAfter_ALastSession_BringsAlongItsAgreements()
    {
        var next = NextSession(LastSession());

        Assert.Equal(["Noodplan oefenen", "Noodstroom regelen"], next.PreviousAgreements.Select(a => a.What));
        Assert.Empty(next.PreviousAgreementsDone);
        Assert.Equal("0 van de 2 afspraken van vorige keer zijn afgerond.", SessionPreviousAgreements.Summary(next));
    }

    [Fact]
    public void Mark_ByTheFacilitator_RecordsWhichAreDone_AndAChangedAnswerReplacesIt()
    {
        var next = NextSession(LastSession());
        var first = next.PreviousAgreements[0].Id;
        var second = next.PreviousAgreements[1].Id;

        var decision = Decide(next, new MarkPreviousAgreements([second, first]));

        Assert.True(decision.Accepted);
        Assert.True(decision.SharedCardChanged);
        Assert.Equal([first, second], decision.State.PreviousAgreementsDone);
        Assert.Equal("2 van de 2 afspraken van vorige keer zijn afgerond.", SessionPreviousAgreements.Summary(decision.State));

        var changed = Apply(decision.State, new MarkPreviousAgreements([second]));
        Assert.Equal([second], changed.PreviousAgreementsDone);
        Assert.Equal("nog open", SessionPreviousAgreements.StatusOf(changed, changed.PreviousAgreements[0]));
        Assert.Equal("afgerond", SessionPreviousAgreements.StatusOf(changed, changed.PreviousAgreements[1]));
    }

    [Fact]
    public void Mark_ByAParticipant_OrWithAnUnknownAgreement_OrAfterTheEnd_IsRefusedAndChangesNothing()
    {
        var next = NextSession(LastSession());
        var known = next.PreviousAgreements[0].Id;

        var byParticipant = Decide(next, new MarkPreviousAgreements([known]), Anna);
        var unknown = Decide(next, new MarkPreviousAgreements([known, Guid.NewGuid()]));
        var ended = Apply(Apply(next, new Contribute("opening-1", "Iets."), Anna), new EndSession());
        var afterEnd = Decide(ended, new MarkPreviousAgreements([known]));

        Assert.Equal(SessionRefusal.NotFacilitator, byParticipant.Refusal);
        Assert.Equal(SessionRefusal.NoSuchAgreement, unknown.Refusal);
        Assert.Same(next, unknown.State);
        Assert.Equal(SessionRefusal.SessionClosed, afterEnd.Refusal);
    }

    [Fact]
    public void OpenAfter_KeepsWhatWasBroughtAlongAndNotDone_AfterTheSessionsOwn_AtMostTwenty()
    {
        var second = NextSession(LastSession());
        second = Apply(second, new MarkPreviousAgreements([second.PreviousAgreements[0].Id]));
        second = At(second, "afspraken");
        second = Apply(second, new AddAgreement("Wijkbijeenkomst houden", "Wijkregisseur", Due));
        second = Apply(second, new Complete());

        var third = SessionPreviousAgreements.OpenAfter(second);

        Assert.Equal(["Wijkbijeenkomst houden", "Noodstroom regelen"], third.Select(a => a.What));

        var many = At(Start(), "afspraken");
        for (var i = 0; i < SessionPreviousAgreements.MaxBroughtAlong + 5; i++)
        {
            many = Apply(many, new AddAgreement($"Afspraak {i}", "Rol", Due));
        }

        Assert.Equal(SessionPreviousAgreements.MaxBroughtAlong, SessionPreviousAgreements.OpenAfter(many).Count);
    }

    [Fact]
    public void Reports_ListTheAgreementsOfLastTimeWithWhetherTheyAreDone()
    {
        var state = NextSession(LastSession());
        state = Apply(state, new MarkPreviousAgreements([state.PreviousAgreements[1].Id]));
        state = Apply(At(state, "afspraken"), new AddAgreement("Evalueren", "Burgemeester", Due));
        state = Apply(state, new Complete());
        var date = new DateOnly(2026, 11, 28);

        var markdown = SessionReport.Markdown(state, TestScenario, date);
        var html = SessionReport.Html(state, TestScenario, date);
        var word = ReportDownload.WordParagraphs(SessionWordReport.Build(state, TestScenario, date));

        Assert.Contains("## Vorige keer afgesproken\n\n1 van de 2 afspraken van vorige keer is afgerond.\n\n- Noodplan oefenen — Crisiscoördinator — uiterlijk 1 maart 2027: **nog open**\n- Noodstroom regelen — Facilitair manager — uiterlijk 1 april 2027: **afgerond**", markdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("<h2>Vorige keer afgesproken</h2><p>1 van de 2 afspraken van vorige keer is afgerond.</p><ul><li>Noodplan oefenen — Crisiscoördinator — uiterlijk 1 maart 2027: <strong>nog open</strong></li>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var heading = word.ToList().IndexOf("Vorige keer afgesproken");
        Assert.True(heading >= 0, string.Join("\n", word));
        Assert.Equal(
            ["1 van de 2 afspraken van vorige keer is afgerond.", "• Noodplan oefenen — Crisiscoördinator — uiterlijk 1 maart 2027: nog open", "• Noodstroom regelen — Facilitair manager — uiterlijk 1 april 2027: afgerond"],
            word.Skip(heading + 1).Take(3));
    }

    [Fact]
    public void Reports_OfAFirstSession_HaveNoSectionForLastTime()
    {
        var state = Apply(Apply(At(Start(), "afspraken"), new AddAgreement("Evalueren", "Burgemeester", Due)), new Complete());

        Assert.DoesNotContain("Vorige keer", SessionReport.Markdown(state, TestScenario, new DateOnly(2026, 11, 28)), StringComparison.Ordinal);
        Assert.DoesNotContain("Vorige keer", SessionReport.Html(state, TestScenario, new DateOnly(2026, 11, 28)), StringComparison.Ordinal);
    }

    [Fact]
    public void StoredState_WithMarks_ReadsBackTheSame_AndAStateFromBeforeHasNone()
    {
        var state = NextSession(LastSession());
        state = Apply(state, new MarkPreviousAgreements([state.PreviousAgreements[0].Id]));

        var read = SessionStateJson.Deserialize(SessionStateJson.Serialize(state));

        Assert.Equal(state.PreviousAgreements, read.PreviousAgreements);
        Assert.Equal(state.PreviousAgreementsDone, read.PreviousAgreementsDone);

        var old = System.Text.Json.Nodes.JsonNode.Parse(SessionStateJson.Serialize(Start()))!.AsObject();
        old.Remove("previousAgreements");
        old.Remove("previousAgreementsDone");
        var fromBefore = SessionStateJson.Deserialize(old.ToJsonString());
        Assert.Empty(fromBefore.PreviousAgreements);
        Assert.Null(SessionPreviousAgreements.Summary(fromBefore));
    }
}
