using System.Net;
using System.Net.Sockets;

namespace ServerlessInApp.IntegrationTests.Fixtures;

/// <summary>A loopback port nobody listens on now, for a process the test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
