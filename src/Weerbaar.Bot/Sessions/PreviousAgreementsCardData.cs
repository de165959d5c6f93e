using System.Text.Json.Nodes;
using Weerbaar.Bot.Cards;
using Weerbaar.Core.Language;
using Weerbaar.Core.Sessions;

namespace Weerbaar.Bot.Sessions;

/// <summary>
/// What the shared card and the personal views show of the agreements brought along from the last session ("Vorige
/// keer afgesproken"): at the first step, where the group looks back before it starts; the facilitator ticks the done ones.
/// </summary>
internal static class PreviousAgreementsCardData
{
    public static void AddToShared(JsonObject data, SessionState state)
    {
        var shown = IsShown(state);
        data["hasPrevious"] = shown;
        data["previousSummary"] = shown ? SessionPreviousAgreements.Summary(state) : string.Empty;
        data["previous"] = Lines(shown ? state : null);
    }

    public static void AddToView(JsonObject data, SessionState state, bool isFacilitator)
    {
        var shown = IsShown(state);
        data["hasPrevious"] = shown;
        data["previousSummary"] = shown ? SessionPreviousAgreements.Summary(state) : string.Empty;
        data["previous"] = Lines(shown && !isFacilitator ? state : null);
        data["canMarkPrevious"] = shown && isFacilitator;
        data["previousToggles"] = new JsonArray([.. (shown && isFacilitator ? state.PreviousAgreements : []).Select(a => (JsonNode)new JsonObject
        {
            ["inputId"] = SessionCommandTable.DoneInputPrefix + a.Id.ToString("N"),
            ["title"] = Describe(a),
            ["value"] = state.IsPreviousAgreementDone(a.Id) ? "true" : "false",
        })]);
    }

    private static bool IsShown(SessionState state) => state.IsOpen && state.StepIndex == 0 && state.PreviousAgreements.Count > 0;

    private static JsonArray Lines(SessionState? state) =>
        new([.. (state?.PreviousAgreements ?? []).Select(a => (JsonNode)new JsonObject
        {
            ["text"] = $"**{SessionPreviousAgreements.StatusOf(state!, a)}** – {CardText.Literal(Describe(a))}",
        })]);

    private static string Describe(Agreement agreement) => $"{agreement.What} – {agreement.OwnerRole} – uiterlijk {DutchDates.Format(agreement.Due)}";
}
