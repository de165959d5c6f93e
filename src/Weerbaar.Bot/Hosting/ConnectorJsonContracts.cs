using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// One set of Newtonsoft contract resolvers for every connector client. The CloudAdapter creates a connector client
/// per turn, and each new client brings new resolvers, so Newtonsoft reflected over the Bot Framework schema and
/// compiled its property getters again for every reply: measured with <c>dotnet-trace</c>, about a fifth of the
/// bot's CPU under load. A resolver caches its contracts and is safe to share between threads.
/// </summary>
public sealed class ConnectorJsonContracts
{
    private readonly ConcurrentDictionary<Type, IContractResolver> _resolvers = new();

    /// <summary>Gives <paramref name="client"/> the shared resolvers and compact (not indented) request bodies.</summary>
    public void ShareWith(ConnectorClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.SerializationSettings.Formatting = Formatting.None;
        client.SerializationSettings.ContractResolver = Shared(client.SerializationSettings.ContractResolver);
        client.DeserializationSettings.ContractResolver = Shared(client.DeserializationSettings.ContractResolver);
    }

    // The first resolver of each type is kept: the client's own choice of resolver stays, only its cache is shared.
    private IContractResolver? Shared(IContractResolver? resolver) =>
        resolver is null ? null : _resolvers.GetOrAdd(resolver.GetType(), _ => resolver);
}
