using System.Net;
using System.Net.Sockets;

namespace Weerbaar.Testing;

/// <summary>A TCP port on 127.0.0.1 that was free a moment ago, for servers that must know their port up front.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
