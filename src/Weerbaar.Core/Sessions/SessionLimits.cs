namespace Weerbaar.Core.Sessions;

/// <summary>
/// How many contributions one member may give, per step and per session, and how many votes each member spreads in
/// a voting round (the <c>Sessions</c> settings).
/// </summary>
public sealed record SessionLimits(int MaxContributionsPerStep, int MaxContributionsPerSession, int VotesPerParticipant = SessionLimits.DefaultVotesPerParticipant)
{
    /// <summary>Three votes: enough to say what matters most without every point getting one.</summary>
    public const int DefaultVotesPerParticipant = 3;

    /// <summary>
    /// 20 per step and 200 per session: far more than anyone types in a step of a few minutes or a session of two
    /// hours, while the session (one document, rewritten at every change) stays well below a megabyte per member.
    /// </summary>
    public static SessionLimits Default { get; } = new(20, 200);
}
