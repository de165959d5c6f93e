using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Admin;

/// <summary>
/// Serves files on 127.0.0.1 as SharePoint serves Teams' download addresses (a token in the query), and records every
/// request with the host name it was sent to, so a test can tell that no request went to a host at all.
/// </summary>
public sealed class FileServer : IAsyncDisposable
{
    /// <summary>The secret in every address, standing in for SharePoint's tempauth token; it must never be logged.</summary>
    public const string Token = "tempauth-geheim-7f3a9c";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private FileServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, as "host:port/path".</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FileServer> StartAsync()
    {
        FileServer? server = null;
        var (app, baseUrl) = await LocalServer.StartAsync(context => server!.HandleAsync(context));
        server = new FileServer(app) { BaseUrl = baseUrl };
        return server;
    }

    /// <summary>Serves <paramref name="content"/> with its length; returns the download address.</summary>
    public Uri Serve(byte[] content) => Add(async context =>
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content);
    });

    /// <summary>Serves <paramref name="length"/> bytes in chunks without announcing a length.</summary>
    public Uri ServeUnannounced(int length) => Add(async context =>
    {
        context.Response.ContentType = "application/octet-stream";
        var chunk = new byte[64 * 1024];
        for (var sent = 0; sent < length && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
        {
            await context.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - sent)), context.RequestAborted);
        }
    });

    /// <summary>Answers with a redirect to <paramref name="target"/>.</summary>
    public Uri Redirect(Uri target) => Add(context =>
    {
        context.Response.Redirect(target.ToString());
        return Task.CompletedTask;
    });

    /// <summary>The same address with another host name for this server (e.g. localhost), to test the allow-list.</summary>
    public static Uri OnHost(Uri address, string host) => new UriBuilder(address) { Host = host }.Uri;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Uri Add(RequestDelegate handler)
    {
        // Like SharePoint's download.aspx, the address names no file; the name travels in the attachment.
        var path = $"/_layouts/15/download/{Guid.NewGuid():N}";
        _routes[path] = handler;
        return new Uri(BaseUrl, $"{path}?UniqueId={Guid.NewGuid()}&tempauth={Token}&ApiVersion=2.0");
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue($"{context.Request.Host.Value}{context.Request.Path.Value}");
        if (_routes.TryGetValue(context.Request.Path.Value ?? string.Empty, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
