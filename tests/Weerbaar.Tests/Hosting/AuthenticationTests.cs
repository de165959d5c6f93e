using System.Net;
using System.Security.Cryptography;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Hosting;

/// <summary>
/// Shared by the authentication tests: one local token service, one connector stand-in, and one bot process with
/// an app id whose authentication points at them (DESIGN.md, "Testing authentication without the internet"). The bot
/// serves one tenant, the one <see cref="TeamsConversation"/> uses unless told otherwise.
/// </summary>
public sealed class AuthenticatedBot : IAsyncLifetime
{
    public const string AppId = "5b1f6c39-3c9e-4a51-9d3e-2f7a8b6c1d20";

    public const string UnservedTenant = "cccccccc-0000-4000-8000-00000000000c";

    public AuthServer Auth { get; private set; } = null!;

    public ConnectorStandIn Connector { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Auth = await AuthServer.StartAsync();
        Connector = await ConnectorStandIn.StartAsync();
        var settings = Auth.BotSettings(AppId);
        settings["ConnectionStrings:Weerbaar"] = $"Data Source={Path.Combine(TestDirectories.Create("db"), "weerbaar.db")}";
        settings["Bot:AllowedTenants:0"] = TeamsConversation.DefaultTenantId;
        Bot = await BotProcess.StartAsync(settings, environment: "Production");
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Auth.DisposeAsync();
    }
}

/// <summary>With an app id, CloudAdapter validates every caller's token; a rejected call runs nothing.</summary>
[Slow(SlowKind.Process)]
public sealed class AuthenticationTests(AuthenticatedBot fixture) : IClassFixture<AuthenticatedBot>
{
    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndTheReplyIsSentWithTheBotsOwnToken()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl);

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}\n{fixture.Bot.Output}");
        var replies = fixture.Connector.Calls.Where(c => c.ConversationId == chat.Id).ToList();
        Assert.True(replies.Count == 1, fixture.Bot.Output);
        var reply = replies[0];
        Assert.Equal("Bearer bot-access-token-from-local-auth-server", reply.Authorization);
    }

    [Fact]
    public async Task NoToken_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"));

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task ForgedSignature_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        using var otherKey = RSA.Create(2048);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl, signWith: otherKey);

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task ExpiredToken_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl, lifetime: TimeSpan.FromHours(-1));

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task UnsignedTokenWithAlgNone_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = AuthServer.MintUnsignedToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl);

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task TokenFromAnotherIssuer_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl, issuer: "https://login.example.com/botframework");

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task TokenSignedByAKeyTheMetadataDoesNotList_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        using var unlisted = RSA.Create(2048);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl, signWith: unlisted, keyId: "key-nobody-published");

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task TokenForAnotherBot_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = fixture.Auth.MintChannelToken(Guid.NewGuid().ToString(), fixture.Connector.ServiceUrl);

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task ServiceUrlClaimDifferentFromTheActivity_Gets401_AndNothingRuns()
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, new Uri("https://smba.example.invalid/emea/"));

        var response = await fixture.Bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        await AssertRejectedAsync(response, chat);
    }

    [Fact]
    public async Task UnservedTenant_Gets401WithoutAToken_LikeAServedOne_And403OnlyWithAValidToken()
    {
        var served = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var unserved = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl, tenantId: AuthenticatedBot.UnservedTenant);
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl);

        var servedWithoutToken = await fixture.Bot.PostActivityAsync(served.Message(TeamsUser.Create("Anna"), "help"));
        var unservedWithoutToken = await fixture.Bot.PostActivityAsync(unserved.Message(TeamsUser.Create("Anna"), "help"));
        var unservedWithToken = await fixture.Bot.PostActivityAsync(unserved.Message(TeamsUser.Create("Anna"), "help"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, servedWithoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unservedWithoutToken.StatusCode);
        Assert.True(unservedWithToken.StatusCode == HttpStatusCode.Forbidden, $"{unservedWithToken.StatusCode}\n{fixture.Bot.Output}");
        Assert.DoesNotContain(fixture.Connector.Calls, c => c.ConversationId == served.Id || c.ConversationId == unserved.Id);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task ActivityFromAnotherChannel_WithAValidToken_Gets403_AndTheBotSendsNothing(string channel)
    {
        var chat = new TeamsConversation(TeamsScope.Personal, fixture.Connector.ServiceUrl);
        var activity = chat.Message(TeamsUser.Create("Anna"), "help");
        activity["channelId"] = channel;
        var token = fixture.Auth.MintChannelToken(AuthenticatedBot.AppId, fixture.Connector.ServiceUrl);

        var response = await fixture.Bot.PostActivityAsync(activity, token);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{response.StatusCode}\n{fixture.Bot.Output}");
        Assert.DoesNotContain(fixture.Connector.Calls, c => c.ConversationId == chat.Id);
    }

    private async Task AssertRejectedAsync(HttpResponseMessage response, TeamsConversation chat)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{response.StatusCode}\n{fixture.Bot.Output}");
        Assert.DoesNotContain(fixture.Connector.Calls, c => c.ConversationId == chat.Id);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>When the token metadata cannot be fetched, callers are told to come back (503), not that the bot broke.</summary>
[Slow(SlowKind.Process)]
public sealed class MetadataUnavailableTests
{
    [Fact]
    public async Task MetadataUnreachable_Gets503_NotA500()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var closed = $"https://127.0.0.1:{FreePort.Next()}";
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AuthenticatedBot.AppId,
            ["MicrosoftAppPassword"] = "test-secret-not-real",
            ["ToBotFromChannelOpenIdMetadataUrl"] = $"{closed}/.well-known/openid-configuration",
            ["ToBotFromChannelTokenIssuer"] = AuthServer.ChannelIssuer,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = $"{closed}/emulator/.well-known/openid-configuration",
            ["ToChannelFromBotLoginUrl"] = $"{closed}/botframework.com",
            ["ToChannelFromBotOAuthScope"] = AuthServer.ChannelIssuer,
            ["OAuthUrl"] = $"{closed}/oauth",
            ["ConnectionStrings:Weerbaar"] = $"Data Source={Path.Combine(TestDirectories.Create("db"), "weerbaar.db")}",
        }, environment: "Production");
        var chat = new TeamsConversation(TeamsScope.Personal, connector.ServiceUrl);
        await using var auth = await AuthServer.StartAsync();
        var token = auth.MintChannelToken(AuthenticatedBot.AppId, connector.ServiceUrl);

        var response = await bot.PostActivityAsync(chat.Message(TeamsUser.Create("Anna"), "help"), token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(connector.Calls);
    }
}
