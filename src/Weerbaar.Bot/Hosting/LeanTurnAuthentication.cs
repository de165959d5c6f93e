using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace Weerbaar.Bot.Hosting;

/// <summary>
/// The SDK's authentication with less work per turn: connector clients share their JSON contracts
/// (<see cref="ConnectorJsonContracts"/>), and the user token client the CloudAdapter asks for on every turn is only
/// created when something uses it (Weerbaar does not sign users in, so normally never). Everything else is the
/// inner authentication's.
/// </summary>
public sealed class LeanTurnAuthentication(BotFrameworkAuthentication inner, ConnectorJsonContracts contracts) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        return Lean(result);
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        return Lean(result);
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new SharedContractsConnectorFactory(inner.CreateConnectorFactory(claimsIdentity), contracts);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new DeferredUserTokenClient(token => inner.CreateUserTokenClientAsync(claimsIdentity, token)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Lean(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory)
        {
            result.ConnectorFactory = new SharedContractsConnectorFactory(factory, contracts);
        }

        return result;
    }
}
