using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Weerbaar.Bot.Cli.Load;

/// <summary>
/// A stand-in for the Teams connector service (Bot Connector REST API v3) in the load generator's own process, on
/// 127.0.0.1, answering at once so the bot's replies cost no network time. It only counts what each conversation
/// received and keeps the 👍 action of the last card, so the load can press it like a user would.
/// </summary>
internal sealed class LoadConnector : IAsyncDisposable
{
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    private readonly ConcurrentDictionary<string, ConversationInbox> _inboxes = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private int _nextActivityId;

    /// <summary>The serviceUrl to put in activities, ending with a slash as Teams sends it.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    public static async Task<LoadConnector> StartAsync(CancellationToken cancellationToken)
    {
        var connector = new LoadConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        connector._app = builder.Build();
        connector._app.Run(connector.HandleAsync);
        await connector._app.StartAsync(cancellationToken);
        var address = connector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    public ConversationInbox Inbox(string conversationId) => _inboxes.GetOrAdd(conversationId, _ => new ConversationInbox());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Routes: /v3/conversations[/{id}[/activities[/{activityId}] | /members[/{id}] | /pagedmembers]].
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 2 || segments[0] != "v3" || segments[1] != "conversations")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var id = $"activity-{Interlocked.Increment(ref _nextActivityId)}";
        var area = segments.ElementAtOrDefault(3);
        switch (request.Method, segments.Length, area)
        {
            case ("POST", 2, _):
                await context.Response.WriteAsJsonAsync(new { id = $"conversation-{Guid.NewGuid():N}", activityId = id });
                break;
            case ("POST", 4 or 5, "activities"):
                var activity = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted) as JsonObject;
                Inbox(segments[2]).Record(activity);
                await context.Response.WriteAsJsonAsync(new { id });
                break;
            case ("PUT", 5, "activities"):
                await context.Response.WriteAsJsonAsync(new { id = segments[4] });
                break;
            case ("DELETE", 5, "activities"):
                break;
            case ("GET", 4, "pagedmembers"):
                await context.Response.WriteAsJsonAsync(new { members = Array.Empty<object>() });
                break;
            case ("GET", 4, "members"):
                await context.Response.WriteAsJsonAsync(Array.Empty<object>());
                break;
            case ("GET", 5, "members"):
                await context.Response.WriteAsJsonAsync(new { id = segments[4], name = "Load user" });
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    /// <summary>What the bot sent into one conversation.</summary>
    internal sealed class ConversationInbox
    {
        private readonly Lock _gate = new();
        private int _received;
        private JsonObject? _helpfulData;

        private JsonObject? _lastCard;

        /// <summary>Activities the bot sent or replied into this conversation.</summary>
        public int Received => Volatile.Read(ref _received);

        /// <summary>The last Adaptive Card the bot sent into this conversation.</summary>
        public JsonObject? LastCard
        {
            get
            {
                lock (_gate)
                {
                    return _lastCard;
                }
            }
        }

        /// <summary>The data of the 👍 button on the last card, once; null when that card had none or it was pressed.</summary>
        public JsonObject? TakeHelpfulData()
        {
            lock (_gate)
            {
                var data = _helpfulData;
                _helpfulData = null;
                return data;
            }
        }

        public void Record(JsonObject? activity)
        {
            var cards = activity?["attachments"] is JsonArray attachments
                ? attachments.OfType<JsonObject>().Where(a => a["contentType"]?.GetValue<string>() == AdaptiveCardType).Select(a => a["content"]).OfType<JsonObject>().ToList()
                : [];
            lock (_gate)
            {
                if (cards.Count > 0)
                {
                    _helpfulData = cards.Select(FindHelpfulData).LastOrDefault(data => data is not null);
                    _lastCard = cards[^1];
                }

                _received++;
            }
        }

        private static JsonObject? FindHelpfulData(JsonNode? node) => node switch
        {
            JsonObject obj when obj["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && obj["type"]!.GetValue<string>() == "Action.Execute"
                && obj["verb"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && obj["verb"]!.GetValue<string>() == "helpful"
                => obj["data"]?.DeepClone() as JsonObject ?? [],
            JsonObject obj => obj.Select(p => FindHelpfulData(p.Value)).FirstOrDefault(data => data is not null),
            JsonArray array => array.Select(FindHelpfulData).FirstOrDefault(data => data is not null),
            _ => null,
        };
    }
}
