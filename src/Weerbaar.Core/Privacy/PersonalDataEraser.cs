using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Weerbaar.Core.Knowledge;
using Weerbaar.Core.Sessions;
using Weerbaar.Core.Storage;

namespace Weerbaar.Core.Privacy;

/// <summary>Who asks to be forgotten, and where they ask it.</summary>
/// <param name="UserId">Their Teams user id.</param>
/// <param name="AadObjectId">Their Entra object id, the id of an admin in the knowledge audit trail.</param>
/// <param name="StateKeys">The bot state keys that are theirs alone (user state, the personal chat's state).</param>
/// <param name="MemberKey">The key their last question in a group chat or channel is kept under, in that conversation's state.</param>
/// <param name="PersonalChat">The channel and conversation id of their personal chat with the bot.</param>
public sealed record DataSubject(string UserId, string? AadObjectId, IReadOnlyList<string> StateKeys, string? MemberKey = null, (string ChannelId, string ConversationId)? PersonalChat = null);

/// <summary>What was erased, kind by kind, for the answer to the user.</summary>
/// <param name="GroupQuestions">Last questions kept for them in group chats and channels.</param>
/// <param name="CardActions">Kept session card actions (keys and stored responses) that named them or held their contributions.</param>
/// <param name="ChatReferences">Sessions and reminders that could still reach their personal chat.</param>
/// <param name="KnowledgeVersions">Knowledge versions that carried their name as author.</param>
public sealed record ErasureReport(
    int Contributions,
    int FacilitatedSessions,
    int StateRecords,
    int AuditEntries,
    int GroupQuestions = 0,
    int CardActions = 0,
    int ChatReferences = 0,
    int KnowledgeVersions = 0);

/// <summary>
/// Erases one user's personal data on request: their contributions stay in the sessions but no longer point to them
/// (also in anonymous sessions, where they were stored under a pseudonym), sessions they led lose the link to them,
/// the card actions kept against double clicks that name them go, their bot state (user state, the personal chat's
/// state, their last question in group chats) is deleted, sessions and reminders lose the way to their personal chat,
/// and their name and id leave the knowledge versions and audit trail. Questions without an answer and 👍/👎 were
/// never stored with a user, so there is nothing to erase there.
/// </summary>
public sealed class PersonalDataEraser(IDbContextFactory<WeerbaarDbContext> contextFactory, ContributorPseudonyms pseudonyms)
{
    public const string ErasedName = "verwijderde gebruiker";

    // A group conversation's state may be written by a turn at the same moment; the erasure then reads it again.
    private const int StateAttempts = 5;

    public async Task<ErasureReport> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var userId = subject.UserId;
        var anonymousKey = $"erased:{Guid.NewGuid():N}";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var contributions = 0;
        var facilitated = 0;
        var references = 0;
        var (chatChannel, chatId) = subject.PersonalChat ?? (string.Empty, string.Empty);
        var traces = new List<string> { userId };

        // Keys are stored inside the state document; the text search narrows the sessions to look at. Anonymous
        // sessions hold pseudonyms, which differ per session, so each of those is looked at.
        var sessions = await db.Sessions.Where(s => s.FacilitatorUserId == userId || s.State.Contains(userId)
            || s.State.Contains(ContributorPseudonyms.Prefix) || (s.ChannelId == chatChannel && s.ConversationId == chatId)).ToListAsync(cancellationToken);
        foreach (var record in sessions)
        {
            var state = SessionStateJson.Deserialize(record.State);
            var pseudonym = state.Settings.Anonymous ? pseudonyms.Of(state.Id, userId) : userId;
            bool Mine(string key) => key == userId || key == pseudonym;
            var mine = state.Contributions.Count(c => Mine(c.AuthorKey));
            var leads = state.FacilitatorKey == userId || record.FacilitatorUserId == userId;
            var inPersonalChat = record.ChannelId == chatChannel && record.ConversationId == chatId;
            if (mine == 0 && !leads && !inPersonalChat && !state.ReadyKeys.Any(Mine) && !state.Votes.Any(v => Mine(v.VoterKey)))
            {
                continue;
            }

            if (pseudonym != userId)
            {
                traces.Add(pseudonym);
            }

            state = state with
            {
                FacilitatorKey = state.FacilitatorKey == userId ? anonymousKey : state.FacilitatorKey,
                Contributions = [.. state.Contributions.Select(c => Mine(c.AuthorKey) ? c with { AuthorKey = anonymousKey } : c)],
                ReadyKeys = state.ReadyKeys.Where(k => !Mine(k)).ToHashSet(StringComparer.Ordinal),
                Votes = [.. state.Votes.Select(v => Mine(v.VoterKey) ? v with { VoterKey = anonymousKey } : v)],
            };
            record.State = SessionStateJson.Serialize(state);
            record.FacilitatorUserId = record.FacilitatorUserId == userId ? null : record.FacilitatorUserId;
            if (inPersonalChat)
            {
                // The session stays for its report, but nothing in it leads to the personal chat any more.
                record.ConversationId = anonymousKey;
                record.ServiceUrl = string.Empty;
                record.SharedCardActivityId = null;
                references++;
            }

            record.Version++;
            contributions += mine;
            facilitated += leads ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);

        // A kept card action names its actor (hashed in its key) and holds a copy of the session state; it only guards
        // against a repeated click, so dropping it costs nothing.
        var actorPart = SessionActionKey.ActorPart(userId) + ":";
        var cardActions = await db.SessionActions.Where(a => a.Key.StartsWith(actorPart) || a.Key.Contains(userId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var trace in traces)
        {
            cardActions += await db.SessionActions.Where(a => a.Decision.Contains(trace)).ExecuteDeleteAsync(cancellationToken);
        }

        if (subject.PersonalChat is not null)
        {
            references += await db.FollowUpReminders.Where(r => r.ChannelId == chatChannel && r.ConversationId == chatId).ExecuteDeleteAsync(cancellationToken);
        }

        var keys = subject.StateKeys.ToList();
        var stateRecords = await db.StateRecords.Where(r => keys.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken);
        var groupQuestions = subject.MemberKey is { Length: > 0 } member ? await EraseMemberEntriesAsync(db, member, cancellationToken) : 0;
        var versions = 0;
        var audit = 0;
        if (subject.AadObjectId is { Length: > 0 } aad)
        {
            versions = await EraseVersionAuthorAsync(db, aad, cancellationToken);
            audit = await db.KnowledgeAudit.Where(e => e.ActorId == aad)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorId, string.Empty).SetProperty(e => e.ActorName, ErasedName), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ErasureReport(contributions, facilitated, stateRecords, audit, groupQuestions, cardActions, references, versions);
    }

    /// <summary>
    /// Removes the member's entries (their last question) from every conversation state that holds them: any object in
    /// a list whose <c>User</c> is the member's key. The rest of the conversation's state stays.
    /// </summary>
    private static async Task<int> EraseMemberEntriesAsync(WeerbaarDbContext db, string memberKey, CancellationToken cancellationToken)
    {
        var erased = 0;
        var candidates = await db.StateRecords.AsNoTracking().Where(r => r.Document.Contains(memberKey)).Select(r => r.Key).ToListAsync(cancellationToken);
        foreach (var key in candidates)
        {
            for (var attempt = 1; attempt <= StateAttempts; attempt++)
            {
                var record = await db.StateRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
                if (record is null || JsonNode.Parse(record.Document) is not JsonNode document)
                {
                    break;
                }

                var removed = RemoveMember(document, memberKey);
                if (removed == 0)
                {
                    break;
                }

                var written = await db.StateRecords.Where(r => r.Key == key && r.Version == record.Version).ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.Document, document.ToJsonString()).SetProperty(r => r.Version, record.Version + 1),
                    cancellationToken);
                if (written == 1)
                {
                    erased += removed;
                    break;
                }
            }
        }

        return erased;
    }

    private static int RemoveMember(JsonNode node, string memberKey)
    {
        var removed = 0;
        if (node is JsonArray array)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                if (array[i] is JsonObject item && item["User"] is JsonValue user && user.TryGetValue<string>(out var key) && key == memberKey)
                {
                    array.RemoveAt(i);
                    removed++;
                }
                else if (array[i] is JsonNode child)
                {
                    removed += RemoveMember(child, memberKey);
                }
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (_, child) in obj.ToList())
            {
                removed += child is null ? 0 : RemoveMember(child, memberKey);
            }
        }

        return removed;
    }

    /// <summary>
    /// The versions the admin made (found through the audit trail, which names them by id) no longer carry their name.
    /// Publishing or unpublishing makes no version, so only the lines that did are followed.
    /// </summary>
    private static async Task<int> EraseVersionAuthorAsync(WeerbaarDbContext db, string aadObjectId, CancellationToken cancellationToken)
    {
        var made = await db.KnowledgeAudit.AsNoTracking()
            .Where(e => e.ActorId == aadObjectId && (e.Action == KnowledgeAction.DraftSaved || e.Action == KnowledgeAction.Imported || e.Action == KnowledgeAction.RolledBack))
            .Select(e => new { e.Kind, e.Key, e.VersionNumber, e.ActorName })
            .Distinct()
            .ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var entry in made)
        {
            erased += await db.KnowledgeItemVersions
                .Where(v => v.Number == entry.VersionNumber && v.Author == entry.ActorName
                    && db.KnowledgeItems.Any(i => i.Id == v.ItemId && i.Kind == entry.Kind && i.Key == entry.Key))
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.Author, ErasedName), cancellationToken);
        }

        return erased;
    }
}
