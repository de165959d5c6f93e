using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Weerbaar.Tests.Support;

/// <summary>
/// Runs a Node.js script from <c>tests/node/</c> with the npm packages of <c>tests/package.json</c> (the official
/// Adaptive Cards parser and templating engine, the Teams manifest schema). Input goes in as JSON on stdin,
/// the result comes back as JSON on stdout.
/// </summary>
public static class NodeScript
{
    public static async Task<JsonNode> RunAsync(string script, JsonNode input, CancellationToken cancellationToken = default)
    {
        var modules = RepoPaths.Of("tests", "node_modules");
        if (!Directory.Exists(modules))
        {
            throw new InvalidOperationException("tests/node_modules is missing: run `npm ci --prefix tests` first (the README's test command does).");
        }

        var start = new ProcessStartInfo("node", [RepoPaths.Of("tests", "node", script)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Of("tests"),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        }

        return JsonNode.Parse(await stdout) ?? throw new InvalidOperationException($"node {script} printed nothing");
    }
}
