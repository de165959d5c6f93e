using System.Text.Json.Nodes;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// What the shared card and the personal views show of the agreements brought along from the last session ("Vorige
/// keer afgesproken"): at the first step, where the group looks back before it starts; the facilitator ticks the done ones.
/// </summary>
internal static class PreviousAgreementsCardData
{
    public static void AddToShared(JsonObject data, SessionState state) => AddSummaryAndLines(data, state, IsShown(state));

    public static void AddToView(JsonObject data, SessionState state, bool isFacilitator)
    {
        var shown = IsShown(state);
        var canMark = shown && isFacilitator;

        // The facilitator reads the same lines as the toggles' titles, so they are listed only for participants.
        AddSummaryAndLines(data, state, shown, listed: !canMark);
        data["canMarkPrevious"] = canMark;
        data["previousToggles"] = new JsonArray([.. (canMark ? state.PreviousAgreements : []).Select(a => (JsonNode)new JsonObject
        {
            ["inputId"] = SessionCommandTable.DoneInputPrefix + a.Id.ToString("N"),
            ["title"] = AgreementLine.Plain(a),
            ["value"] = state.IsPreviousAgreementDone(a.Id) ? "true" : "false",
        })]);
    }

    private static bool IsShown(SessionState state) => state.IsOpen && state.StepIndex == 0 && state.PreviousAgreements.Count > 0;

    private static void AddSummaryAndLines(JsonObject data, SessionState state, bool shown, bool listed = true)
    {
        data["hasPrevious"] = shown;
        data["previousSummary"] = shown ? SessionPreviousAgreements.Summary(state) : string.Empty;
        data["previous"] = new JsonArray([.. (shown && listed ? state.PreviousAgreements : []).Select(a => (JsonNode)new JsonObject
        {
            ["text"] = $"**{SessionPreviousAgreements.StatusOf(state, a)}** – {AgreementLine.ForCard(a)}",
        })]);
    }
}
