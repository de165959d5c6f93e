using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Sessions;

/// <summary>What a user asks of a session: the command, who asks (their Teams user id), and the step their card showed.</summary>
/// <param name="ShownStepId">The step on the pressed card; null for a typed command, which always means the current step.</param>
public sealed record SessionRequest(Guid SessionId, SessionCommand Command, string ActorKey, string? ShownStepId = null);

/// <summary>
/// The card action behind a request: the key that recognises it when it arrives again, and the version token of the
/// card that answers it, kept so the answer to a repeat is the very same card.
/// </summary>
public sealed record CardActionStamp(string Key, string CardVersion);

/// <summary>
/// What a request did: the session as it now stands and the engine's decision. For a repeated card action nothing was
/// changed; <see cref="Decision"/> and <see cref="CardVersion"/> are then the first action's, to answer it the same way.
/// </summary>
public sealed record SessionChange(StoredSession Session, SessionDecision Decision, string? CardVersion, bool IsRepeat);

/// <summary>
/// Carries out what users ask of a session: load → decide (the pure <see cref="SessionEngine"/>) → save against the
/// version that was loaded. A lost race decides again on the fresh state, so concurrent contributions are never lost;
/// a card action's dedupe record is written in the same transaction as the change it guards. The caller renders the
/// returned decision.
/// </summary>
/// <param name="limits">How many contributions one member may give; <see cref="SessionLimits.Default"/> when not given.</param>
public sealed class SessionService(IDbContextFactory<WeerbaarDbContext> contextFactory, SessionStore store, TimeProvider timeProvider, ContributorPseudonyms? pseudonyms = null, SessionLimits? limits = null)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Starts a session led by <paramref name="facilitatorKey"/>; the settings passed <see cref="SessionEngine.SettingsError"/>.
    /// It brings along what the last completed session of the same conversation left open ("Vorige keer afgesproken").
    /// </summary>
    public async Task<StoredSession> StartAsync(SessionPlace place, SessionSettings settings, string facilitatorKey, Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var last = await store.FindLatestCompletedAsync(place.ChannelId, place.ConversationId, cancellationToken);
        var state = SessionEngine.Start(Guid.NewGuid(), settings, facilitatorKey, scenario, timeProvider.GetUtcNow()) with
        {
            PreviousAgreements = last is null ? [] : SessionPreviousAgreements.OpenAfter(last.State),
        };
        return await store.CreateAsync(place, state, facilitatorKey, cancellationToken);
    }

    /// <summary>
    /// Decides <paramref name="request"/> on the session's current state and saves an accepted decision. When
    /// <paramref name="action"/> was processed before, nothing changes and the first decision comes back.
    /// </summary>
    public async Task<SessionChange> ApplyAsync(SessionRequest request, Scenario scenario, CardActionStamp? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await RepeatAsync(db, request.SessionId, action, cancellationToken) is { } repeat)
            {
                return repeat;
            }

            var record = await db.Sessions.FirstOrDefaultAsync(r => r.Id == request.SessionId, cancellationToken)
                ?? throw new InvalidOperationException("The session does not exist.");
            var now = timeProvider.GetUtcNow();
            var state = SessionStateJson.Deserialize(record.State);
            state = pseudonyms?.WithoutTeamsIds(state) ?? state;
            var decision = SessionEngine.Decide(state, request.Command, ActorFor(state, request), scenario, now, request.ShownStepId, limits);
            if (!decision.Accepted)
            {
                // The same action may have been saved between the look for it above and the read of the session: then
                // the state refused it only because it was already carried out, and the first answer is the answer.
                return await RepeatAsync(db, request.SessionId, action, cancellationToken) ?? new SessionChange(SessionStore.ToStored(record), decision, action?.CardVersion, IsRepeat: false);
            }

            record.State = SessionStateJson.Serialize(decision.State);
            record.Status = decision.State.Status;
            record.Version++;
            record.UpdatedAt = now;

            // Keys are Teams user ids, so after a hand-over or take-over the shared card refreshes for the new facilitator.
            if (decision.State.FacilitatorKey != state.FacilitatorKey)
            {
                record.FacilitatorUserId = decision.State.FacilitatorKey;
            }

            if (action is not null)
            {
                db.SessionActions.Add(new SessionActionRecord
                {
                    Key = action.Key,
                    SessionId = request.SessionId,
                    Decision = SessionStateJson.SerializeDecision(decision),
                    CardVersion = action.CardVersion,
                    CreatedAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SessionChange(SessionStore.ToStored(record), decision, action?.CardVersion, IsRepeat: false);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another change (or the same action from a double click) won the race: decide again on fresh state.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Claims the time-up line of the session's running step when its time is up and the line was not claimed yet for
    /// this end time: the claim is saved against the version that was read, so of several checks (also on several
    /// instances) exactly one gets the session back and posts the line. Null when there is nothing to claim.
    /// </summary>
    public async Task<StoredSession?> ClaimTimeUpAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.Sessions.FirstOrDefaultAsync(r => r.Id == sessionId, cancellationToken);
            var now = timeProvider.GetUtcNow();
            if (record is null || SessionTimeUp.Note(SessionStateJson.Deserialize(record.State), now) is not { } noted)
            {
                return null;
            }

            record.State = SessionStateJson.Serialize(noted);
            record.Version++;
            record.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SessionStore.ToStored(record);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another check claimed it, or a user changed the session: look again at the fresh state.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    private static async Task<SessionChange?> RepeatAsync(WeerbaarDbContext db, Guid sessionId, CardActionStamp? action, CancellationToken cancellationToken)
    {
        if (action is null || await db.SessionActions.AsNoTracking().FirstOrDefaultAsync(a => a.Key == action.Key, cancellationToken) is not { } earlier)
        {
            return null;
        }

        var current = await db.Sessions.AsNoTracking().FirstAsync(r => r.Id == sessionId, cancellationToken);
        return new SessionChange(SessionStore.ToStored(current), SessionStateJson.DeserializeDecision(earlier.Decision), earlier.CardVersion, IsRepeat: true);
    }

    // What a participant does as author, voter (or as one who is ready) is stored under their pseudonym in an
    // anonymous session; leading the session is not anonymous, so those commands keep the Teams id.
    private string ActorFor(SessionState state, SessionRequest request) =>
        pseudonyms is not null && request.Command is Contribute or EditContribution or WithdrawContribution or MarkReady or CastVotes
            ? pseudonyms.AuthorKey(state, request.ActorKey)
            : request.ActorKey;
}
