using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Weerbaar.Testing;

/// <summary>
/// A stand-in for the Teams connector service (the Bot Connector REST API v3 at an activity's serviceUrl), on a
/// real HTTP port so the bot's real ConnectorClient talks to it. It records every activity the bot sends, replies
/// to, updates or deletes, and can be told to answer 429 with Retry-After, 500, or slowly. The load harness uses it
/// without recording and follows each conversation through <see cref="ActivitySent"/>.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly SemaphoreSlim _callArrived = new(0);
    private int _nextActivityId;
    private int _throttled;
    private readonly ConcurrentDictionary<string, Queue<long>> _recentCalls = new(StringComparer.Ordinal);

    private ConnectorStandIn(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities, ending with a slash as Teams sends it.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The members the conversation roster knows; a lookup of anyone else gets Teams' "member not found".</summary>
    public ConcurrentDictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, listing the roster fails as Teams does when the bot may not read it.</summary>
    public bool RosterUnavailable { get; set; }

    /// <summary>When set, listing the roster answers 200 with this body as it is: a reply Teams should never give.</summary>
    public string? RosterBody { get; set; }

    /// <summary>When set, updating a message answers 200 with this body as it is: a reply Teams should never give.</summary>
    public string? UpdateBody { get; set; }

    /// <summary>When set, every member lookup succeeds with this name: a load with many made-up users has no roster.</summary>
    public string? AnyMemberName { get; set; }

    /// <summary>Whether calls are kept for <see cref="Calls"/>; a long load turns it off so memory stays flat.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Raised for every message the bot sends or replies into a conversation (conversation id, activity).</summary>
    public event Action<string, JsonObject>? ActivitySent;

    /// <summary>
    /// When set, Teams' throttling per conversation: beyond this many calls within one second to one conversation the
    /// call is answered 429 with <c>Retry-After: 1</c> (Teams allows about 7 per second per conversation).
    /// </summary>
    public int? CallsPerSecondPerConversation { get; set; }

    /// <summary>Calls answered 429 by <see cref="CallsPerSecondPerConversation"/>.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Extra latency before every answer.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Activities the bot sent (new messages and replies) that the stand-in accepted, in order.</summary>
    public IReadOnlyList<JsonObject> SentActivities =>
        [.. _calls.Where(c => c.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && c.AnsweredStatus == StatusCodes.Status200OK)
            .Select(c => c.Activity!)];

    public static async Task<ConnectorStandIn> StartAsync()
    {
        ConnectorStandIn? standIn = null;
        var (app, serviceUrl) = await LocalServer.StartAsync(context => standIn!.HandleAsync(context));
        standIn = new ConnectorStandIn(app) { ServiceUrl = serviceUrl };
        return standIn;
    }

    /// <summary>The next <paramref name="count"/> calls that send, update or look up fail with <paramref name="status"/> (roster listings excepted).</summary>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(new Fault(status, retryAfter));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> activities were sent; fails the test after a timeout.</summary>
    public async Task<IReadOnlyList<JsonObject>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (SentActivities.Count < count)
        {
            try
            {
                await _callArrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} sent activities, saw {SentActivities.Count}.");
            }
        }

        return SentActivities;
    }

    public void Clear()
    {
        _calls.Clear();
        _faults.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _callArrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var call = await ReadCallAsync(context.Request);
        if (IsOverTheRate(call))
        {
            Interlocked.Increment(ref _throttled);
            _calls.Enqueue(call with { AnsweredStatus = StatusCodes.Status429TooManyRequests });
            _callArrived.Release();
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "Stand-in throttling" } });
            return;
        }

        if (call.Kind != ConnectorCallKind.ListMembers && _faults.TryDequeue(out var fault))
        {
            _calls.Enqueue(call with { AnsweredStatus = (int)fault.Status });
            _callArrived.Release();
            context.Response.StatusCode = (int)fault.Status;
            if (fault.RetryAfter is TimeSpan retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsJsonAsync(new { error = new { code = "ServiceError", message = "Stand-in fault" } });
            return;
        }

        // A new message gets its id as Teams gives it; the recorded activity carries it, so a test can refer to it.
        var id = call.Kind == ConnectorCallKind.Update ? call.ActivityId! : $"activity-{Interlocked.Increment(ref _nextActivityId)}";
        if (call.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && call.Activity is not null)
        {
            call.Activity["id"] = id;
        }

        if (RecordCalls)
        {
            _calls.Enqueue(call);
            _callArrived.Release();
        }

        if (call.Kind is ConnectorCallKind.Send or ConnectorCallKind.Reply && call.Activity is not null && call.ConversationId is not null)
        {
            ActivitySent?.Invoke(call.ConversationId, call.Activity);
        }

        switch (call.Kind)
        {
            case ConnectorCallKind.Update when UpdateBody is not null:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(UpdateBody);
                break;
            case ConnectorCallKind.Send or ConnectorCallKind.Reply or ConnectorCallKind.Update:
                await context.Response.WriteAsJsonAsync(new { id });
                break;
            case ConnectorCallKind.CreateConversation:
                await context.Response.WriteAsJsonAsync(new { id = $"conversation-{Guid.NewGuid():N}", activityId = id });
                break;
            case ConnectorCallKind.Delete:
                context.Response.StatusCode = StatusCodes.Status200OK;
                break;
            case ConnectorCallKind.ListMembers when RosterUnavailable:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { error = new { code = "BotNotInConversationRoster", message = "Stand-in roster refused" } });
                break;
            case ConnectorCallKind.ListMembers when RosterBody is not null:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(RosterBody);
                break;
            case ConnectorCallKind.ListMembers:
                await context.Response.WriteAsJsonAsync(new { members = Members.Select(m => new { id = m.Key, name = m.Value }).ToArray() });
                break;
            case ConnectorCallKind.GetMember when AnyMemberName is not null:
                await context.Response.WriteAsJsonAsync(new { id = Uri.UnescapeDataString(call.Path.Split('/').Last()), name = AnyMemberName });
                break;
            case ConnectorCallKind.GetMember when call.Path.Split('/').Last() is var memberId && Members.TryGetValue(Uri.UnescapeDataString(memberId), out var name):
                await context.Response.WriteAsJsonAsync(new { id = Uri.UnescapeDataString(memberId), name });
                break;
            case ConnectorCallKind.GetMember:
                // Teams' own answer for someone who is not (or no longer) in the conversation.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new { error = new { code = "ConversationMemberNotFound", message = "Member not found" } });
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    // A sliding window of one second per conversation, like Teams' own limit.
    private bool IsOverTheRate(ConnectorCall call)
    {
        if (CallsPerSecondPerConversation is not int limit || call.ConversationId is not string conversation)
        {
            return false;
        }

        var now = Environment.TickCount64;
        var recent = _recentCalls.GetOrAdd(conversation, _ => new Queue<long>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= 1000)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                return true;
            }

            recent.Enqueue(now);
            return false;
        }
    }

    private static async Task<ConnectorCall> ReadCallAsync(HttpRequest request)
    {
        JsonObject? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        }

        // Paths: /v3/conversations[/{conversationId}[/activities[/{activityId}]|/members/{id}|/pagedmembers]]
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var conversationId = segments.Length > 2 ? segments[2] : null;
        var activityId = segments.Length > 4 && segments[3] == "activities" ? segments[4] : null;
        var kind = (request.Method, segments.Length, segments.ElementAtOrDefault(3)) switch
        {
            ("POST", 2, _) => ConnectorCallKind.CreateConversation,
            ("POST", 4, "activities") => ConnectorCallKind.Send,
            ("POST", 5, "activities") => ConnectorCallKind.Reply,
            ("PUT", 5, "activities") => ConnectorCallKind.Update,
            ("DELETE", 5, "activities") => ConnectorCallKind.Delete,
            ("GET", 4, "pagedmembers") => ConnectorCallKind.ListMembers,
            ("GET", _, "members") => ConnectorCallKind.GetMember,
            _ => ConnectorCallKind.Other,
        };
        return new ConnectorCall(kind, request.Method, request.Path.Value!, conversationId, activityId, body, request.Headers.Authorization.ToString(), StatusCodes.Status200OK);
    }

    private sealed record Fault(HttpStatusCode Status, TimeSpan? RetryAfter);
}

public enum ConnectorCallKind
{
    Send,
    Reply,
    Update,
    Delete,
    CreateConversation,
    GetMember,
    ListMembers,
    Other,
}

/// <summary>One request the bot made to the connector, and the status the stand-in answered.</summary>
public sealed record ConnectorCall(
    ConnectorCallKind Kind,
    string Method,
    string Path,
    string? ConversationId,
    string? ActivityId,
    JsonObject? Activity,
    string Authorization,
    int AnsweredStatus);
