namespace Weerbaar.Core.Sessions;

/// <summary>
/// The rule for the line that tells the facilitator a step's time is up: once per end time of a running step, so a
/// later step or an extension may give one more, and a pause, an end or a second check do not.
/// </summary>
public static class SessionTimeUp
{
    /// <summary>
    /// The state with the time-up line of the running step noted, or null when none is due at <paramref name="now"/>
    /// (paused, closed, time left, or already noted for this end time).
    /// </summary>
    public static SessionState? Note(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsTimeUpUnnoted(now) ? state with { TimeUpNoted = new StepDeadline(state.CurrentStepId, state.StepEndsAt) } : null;
    }

    /// <summary>
    /// What is noted when <paramref name="paused"/> resumes at <paramref name="now"/>: paused after the time-up line and
    /// resumed without time added, the step's time is still the one that ran out, so the line is not posted again.
    /// </summary>
    public static StepDeadline? NotedAfterResume(SessionState paused, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(paused);
        return paused.TimeUpNoted?.StepId == paused.CurrentStepId && (paused.RemainingWhenPaused ?? TimeSpan.Zero) <= TimeSpan.Zero
            ? new StepDeadline(paused.CurrentStepId, now)
            : paused.TimeUpNoted;
    }
}
