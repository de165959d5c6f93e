using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace Weerbaar.Bot.Hosting;

/// <summary>The SDK's connector factory whose clients use <see cref="ConnectorJsonContracts"/>.</summary>
public sealed class SharedContractsConnectorFactory(ConnectorFactory inner, ConnectorJsonContracts contracts) : ConnectorFactory
{
    public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
        if (client is ConnectorClient connectorClient)
        {
            contracts.ShareWith(connectorClient);
        }

        return client;
    }
}
