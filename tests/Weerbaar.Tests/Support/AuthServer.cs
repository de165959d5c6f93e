using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Weerbaar.Tests.Support;

/// <summary>
/// The Bot Framework token service, locally, over HTTPS on 127.0.0.1 (recipe in DESIGN.md, "Testing authentication"):
/// OpenID metadata and signing keys (endorsed, like Bot Framework's own, for Teams, Web Chat and Direct Line) for the
/// tokens Teams sends to the bot, and a token endpoint for the tokens the bot needs to reply. It mints channel tokens
/// from its test key, and can mint forged, expired or mis-addressed ones. The bot process trusts it through <c>SSL_CERT_FILE</c>.
/// </summary>
public sealed class AuthServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private const string KeyId = "weerbaar-test-key";

    private readonly WebApplication _app;
    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _requests = new();

    private AuthServer(WebApplication app, string certificateFile, int port)
    {
        _app = app;
        CertificateFile = certificateFile;
        BaseUrl = $"https://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    /// <summary>A PEM file holding the server's self-signed certificate: point <c>SSL_CERT_FILE</c> at it.</summary>
    public string CertificateFile { get; }

    /// <summary>Paths requested so far, e.g. to see that the bot fetched a reply token.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<AuthServer> StartAsync()
    {
        var folder = TestDirectories.Create("auth");
        using var certificate = CreateCertificate();
        var certificateFile = Path.Combine(folder, "auth-server.pem");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem());
        var serverCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);

        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(serverCertificate)));
        var app = builder.Build();
        var server = new AuthServer(app, certificateFile, port);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The configuration that points the bot's authentication at this server (all parameterized keys).</summary>
    public IDictionary<string, string?> BotSettings(string appId) => new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "test-secret-not-real",
        ["ToBotFromChannelOpenIdMetadataUrl"] = $"{BaseUrl}/.well-known/openid-configuration",
        ["ToBotFromChannelTokenIssuer"] = ChannelIssuer,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = $"{BaseUrl}/emulator/.well-known/openid-configuration",
        // A "dstsv2" authority path makes MSAL skip Entra instance discovery (a call to login.microsoftonline.com,
        // unreachable here) and post straight to {authority}/oauth2/v2.0/token on this server.
        ["ToChannelFromBotLoginUrl"] = $"{BaseUrl}/dstsv2/botframework.com",
        ["ToChannelFromBotOAuthScope"] = ChannelIssuer,
        ["OAuthUrl"] = $"{BaseUrl}/oauth",
        ["ValidateAuthority"] = "false",
        ["SSL_CERT_FILE"] = CertificateFile,
    };

    /// <summary>A channel token as Teams would send it: signed with the listed key, for this bot and service URL.</summary>
    /// <param name="keyId">The key id in the header; another than the listed one names a key the metadata does not list.</param>
    public string MintChannelToken(string audience, Uri serviceUrl, TimeSpan? lifetime = null, RSA? signWith = null, string issuer = ChannelIssuer, string? keyId = null)
    {
        var now = DateTime.UtcNow;
        var life = lifetime ?? TimeSpan.FromHours(1);
        var notBefore = life > TimeSpan.Zero ? now.AddMinutes(-1) : now + life - TimeSpan.FromHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = now + life,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl.ToString() },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _signingKey) { KeyId = keyId ?? KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token with the right claims but <c>alg: none</c> and no signature, as an attacker would send it.</summary>
    public static string MintUnsignedToken(string audience, Uri serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = ChannelIssuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl.ToString(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signingKey.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        _requests.Enqueue(path);
        if (path.EndsWith("/openid-configuration", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["issuer"] = ChannelIssuer,
                ["authorization_endpoint"] = $"{BaseUrl}/authorize",
                ["token_endpoint"] = $"{BaseUrl}/botframework.com/oauth2/v2.0/token",
                ["jwks_uri"] = $"{BaseUrl}/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        }
        else if (path == "/keys")
        {
            var parameters = _signingKey.ExportParameters(false);
            await context.Response.WriteAsJsonAsync(new
            {
                keys = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        // Bot Framework signs the tokens of every channel it runs with the same keys, so an activity
                        // that reaches the bot through Web Chat or Direct Line carries a token that validates.
                        ["endorsements"] = new[] { "msteams", "webchat", "directline" },
                    },
                },
            });
        }
        else if (path.EndsWith("/token", StringComparison.Ordinal))
        {
            // The bot's own access token for replying; the connector stand-in only records it.
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = "bot-access-token-from-local-auth-server",
            });
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }
}
