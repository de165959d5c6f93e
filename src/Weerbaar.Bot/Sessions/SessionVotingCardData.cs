using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Language;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>What the shared card and the personal view show of a step's voting round and merging.</summary>
internal static class SessionVotingCardData
{
    /// <summary>How many of the most-voted contributions the shared card shows once voting is closed.</summary>
    public const int ListedResults = 5;

    /// <summary>"Stemmen" while the round is open; the top results with their counts once it is closed.</summary>
    public static void AddToShared(JsonObject data, Guid sessionId, SessionState state)
    {
        // The results are shown once the round is closed, not while people are still voting (that would steer them).
        var results = state.VotedSteps.Contains(state.CurrentStepId) && !state.IsVotingOpen()
            ? state.VoteResults(state.CurrentStepId).Take(ListedResults).ToList()
            : [];
        data["votingOpen"] = state.IsOpen && state.IsVotingOpen();
        data["voteDialog"] = SessionCards.DialogData(SessionDialog.Vote, sessionId, state);
        data["hasResults"] = results.Count > 0;
        data["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject
        {
            ["text"] = $"**{DutchCounts.Votes(r.Votes)}** – {CardText.Literal(r.Contribution.Text)}",
        })]);
    }

    /// <summary>The facilitator's voting buttons and "Samenvoegen"; "Stemmen" for everyone while the round is open.</summary>
    public static void AddToView(JsonObject data, Guid sessionId, SessionState state, bool isFacilitator)
    {
        var open = state.IsOpen;
        var revealed = state.IsRevealed(state.CurrentStepId);
        var votingOpen = open && state.IsVotingOpen();

        // Once the contributions are shown, the second button leads the voting round; showing them again (for
        // contributions that came in later) moves under "Meer", so the facilitator keeps four buttons in sight.
        // While the round is open, "Meer" offers the facilitator's own "Stemmen" in its place (at most five there).
        data["revealTitle"] = !revealed ? "Toon bijdragen" : votingOpen ? "Stemronde sluiten" : "Stemronde openen";
        data["revealVerb"] = !revealed ? SessionVerb.Reveal : votingOpen ? SessionVerb.CloseVoting : SessionVerb.OpenVoting;
        data["revealedAlready"] = revealed && !votingOpen;
        data["canMerge"] = isFacilitator && open && state.CurrentStepContributions().Count > 1;
        data["mergeDialog"] = SessionCards.DialogData(SessionDialog.Merge, sessionId, state);
        data["votingOpen"] = votingOpen;
        data["voteDialog"] = SessionCards.DialogData(SessionDialog.Vote, sessionId, state);
    }
}
