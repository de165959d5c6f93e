using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Weerbaar.Testing;

namespace Weerbaar.Harness.Load;

/// <summary>
/// What the bot sent into each conversation of a load, as the connector stand-in sees it: only a count, the last
/// message and the 👍 action of the last card, so the load can check the answer and press 👍 like a user would, and
/// memory stays flat over a long run.
/// </summary>
internal sealed class ConversationInboxes
{
    private readonly ConcurrentDictionary<string, ConversationInbox> _inboxes = new(StringComparer.Ordinal);

    /// <summary>Follows what <paramref name="connector"/> receives from now on, and stops it recording calls.</summary>
    public ConversationInboxes(ConnectorStandIn connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        connector.RecordCalls = false;
        connector.AnyMemberName = "Load user";
        connector.ActivitySent += (conversationId, activity) => Inbox(conversationId).Record(activity);
        ServiceUrl = connector.ServiceUrl;
    }

    /// <summary>The serviceUrl the load's activities carry.</summary>
    public Uri ServiceUrl { get; }

    public ConversationInbox Inbox(string conversationId) => _inboxes.GetOrAdd(conversationId, _ => new ConversationInbox());

    /// <summary>What the bot sent into one conversation.</summary>
    public sealed class ConversationInbox
    {
        private readonly Lock _gate = new();
        private int _received;
        private JsonObject? _helpfulData;

        private JsonObject? _lastCard;
        private BotReply? _lastReply;

        /// <summary>Messages the bot sent or replied into this conversation (typing indicators not counted).</summary>
        public int Received => Volatile.Read(ref _received);

        /// <summary>The last message the bot sent into this conversation.</summary>
        public BotReply? LastReply
        {
            get
            {
                lock (_gate)
                {
                    return _lastReply;
                }
            }
        }

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
            if (BotReply.From(activity) is not { } reply)
            {
                return;
            }

            lock (_gate)
            {
                if (reply.Cards.Count > 0)
                {
                    _helpfulData = reply.Cards.Select(FindHelpfulData).LastOrDefault(data => data is not null);
                    _lastCard = reply.Cards[^1];
                }

                _lastReply = reply;
                _received++;
            }
        }

        private static JsonObject? FindHelpfulData(JsonNode? node) => node switch
        {
            JsonObject obj when BotReply.StringAt(obj, "type") == "Action.Execute" && BotReply.StringAt(obj, "verb") == "helpful"
                => obj["data"]?.DeepClone() as JsonObject ?? [],
            JsonObject obj => obj.Select(p => FindHelpfulData(p.Value)).FirstOrDefault(data => data is not null),
            JsonArray array => array.Select(FindHelpfulData).FirstOrDefault(data => data is not null),
            _ => null,
        };
    }
}
