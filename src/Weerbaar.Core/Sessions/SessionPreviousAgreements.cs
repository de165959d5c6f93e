using static Weerbaar.Core.Sessions.SessionEngine;

namespace Weerbaar.Core.Sessions;

/// <summary>
/// The loop closed: a new session in a conversation brings along what the last session there left open, the
/// facilitator marks which of those agreements are done, and the report records it.
/// </summary>
public static class SessionPreviousAgreements
{
    /// <summary>
    /// At most this many are brought along: the state is one document, read and written whole at every change, and
    /// the cards that list them must stay within Teams' card size.
    /// </summary>
    public const int MaxBroughtAlong = 20;

    /// <summary>
    /// What <paramref name="last"/> leaves open for the next session: its own agreements first (the newest), then
    /// those it brought along itself and did not mark done, so an open agreement is not dropped after one session.
    /// </summary>
    public static IReadOnlyList<Agreement> OpenAfter(SessionState last)
    {
        ArgumentNullException.ThrowIfNull(last);
        return [.. last.Agreements.Concat(last.PreviousAgreements.Where(a => !last.IsPreviousAgreementDone(a.Id))).Take(MaxBroughtAlong)];
    }

    /// <summary>"2 van de 3 afspraken van vorige keer zijn afgerond." for the report and the cards; null when none were brought along.</summary>
    public static string? Summary(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var total = state.PreviousAgreements.Count;
        if (total == 0)
        {
            return null;
        }

        var done = state.PreviousAgreements.Count(a => state.IsPreviousAgreementDone(a.Id));
        return total == 1
            ? $"De afspraak van vorige keer is {(done == 1 ? "afgerond" : "nog open")}."
            : $"{done} van de {total} afspraken van vorige keer {(done == 1 ? "is" : "zijn")} afgerond.";
    }

    /// <summary>"afgerond" or "nog open", as the reports and cards say it.</summary>
    public static string StatusOf(SessionState state, Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(agreement);
        return state.IsPreviousAgreementDone(agreement.Id) ? "afgerond" : "nog open";
    }

    // Part of SessionEngine.Decide, which has checked that the session is open and the actor is the facilitator.
    internal static SessionDecision Mark(SessionState state, MarkPreviousAgreements command)
    {
        ArgumentNullException.ThrowIfNull(command.Done, nameof(command));
        var known = state.PreviousAgreements.Select(a => a.Id).ToHashSet();
        if (!command.Done.All(known.Contains))
        {
            return Refuse(state, SessionRefusal.NoSuchAgreement);
        }

        // In the order they were brought along, so the same answer always gives the same stored state.
        return Shared(state with { PreviousAgreementsDone = [.. state.PreviousAgreements.Select(a => a.Id).Where(command.Done.Contains)] });
    }
}
