using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Rest.Serialization;
using Newtonsoft.Json.Linq;
using Weerbaar.Bot.Cards;
using Weerbaar.Bot.Hosting;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// The per-turn work the SDK does that Weerbaar avoids: JSON contracts built anew for every reply, and a user token
/// client nobody uses. The replies themselves must not change (the authentication and conversation tests send them
/// through a real connector stand-in); here the parts are checked one by one.
/// </summary>
public sealed class LeanTurnAuthenticationTests
{
    private const string ServiceUrl = "http://127.0.0.1:9/";

    [Fact]
    public async Task TheConnectorClientsOfTwoTurns_ShareTheirJsonContracts_AndSendTheSameReplyBodyAsTheSdk()
    {
        var authentication = new LeanTurnAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()), new ConnectorJsonContracts());
        var activity = new Activity(ActivityTypes.Message) { ServiceUrl = ServiceUrl, ChannelId = "msteams" };

        using var first = (ConnectorClient)await CreateClientAsync(authentication, activity);
        using var second = (ConnectorClient)await CreateClientAsync(authentication, activity);
        using var sdkDefault = new ConnectorClient(new Uri(ServiceUrl), MicrosoftAppCredentials.Empty);

        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
        var reply = Reply();
        var body = SafeJsonConvert.SerializeObject(reply, second.SerializationSettings);
        Assert.DoesNotContain('\n', body);
        Assert.True(JToken.DeepEquals(JToken.Parse(SafeJsonConvert.SerializeObject(reply, sdkDefault.SerializationSettings)), JToken.Parse(body)), body);
    }

    [Fact]
    public async Task TheUserTokenClient_IsCreatedOnlyWhenUsed_AndThenOnce()
    {
        var created = 0;
        var real = new RecordingUserTokenClient();
        using var client = new DeferredUserTokenClient(async _ =>
        {
            Interlocked.Increment(ref created);
            await Task.Yield();
            return real;
        });
        Assert.Equal(0, created);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetTokenStatusAsync("user", "msteams", string.Empty, CancellationToken.None)));
        await client.SignOutUserAsync("user", "connection", "msteams", CancellationToken.None);

        Assert.Equal(1, created);
        Assert.All(statuses, s => Assert.Equal("connection", Assert.Single(s).ConnectionName));
        Assert.Equal(8, real.Calls.Count(c => c == "status"));
        Assert.Equal("signout", real.Calls.Last());
    }

    private static async Task<IConnectorClient> CreateClientAsync(BotFrameworkAuthentication authentication, Activity activity)
    {
        var result = await authentication.AuthenticateRequestAsync(activity, string.Empty, CancellationToken.None);
        return await result.ConnectorFactory.CreateAsync(ServiceUrl, result.Audience, CancellationToken.None);
    }

    private static Activity Reply() => new(ActivityTypes.Message)
    {
        Id = "reply-1",
        Conversation = new ConversationAccount(id: "a:conversation"),
        From = new ChannelAccount("28:bot", "Weerbaar"),
        Recipient = new ChannelAccount("29:user", "Anna"),
        ReplyToId = "message-1",
        Timestamp = new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.Zero),
        Attachments = [CardAttachment.From(System.Text.Json.Nodes.JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Een noodpakket"}]}""")!)],
    };

    private sealed class RecordingUserTokenClient : UserTokenClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

        public IReadOnlyCollection<string> Calls => _calls;

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken)
        {
            _calls.Enqueue("status");
            return Task.FromResult<TokenStatus[]>([new TokenStatus(connectionName: "connection")]);
        }

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        {
            _calls.Enqueue("signout");
            return Task.CompletedTask;
        }

        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
