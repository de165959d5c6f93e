using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

// xUnit disposes assembly fixtures once, after the last test of the run: the moment to stop the cluster.
[assembly: AssemblyFixture(typeof(Weerbaar.Tests.Support.ThrowawayPostgres))]

namespace Weerbaar.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test run's own, for machines without <see cref="TestEnvironment.PostgresVariable"/>
/// that have Debian's server binaries (<c>apt-get install postgresql</c>): started by the first test that asks for it,
/// on 127.0.0.1 and a free port, in a temporary folder, and stopped and deleted when the run ends.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";

    // Debian keeps the server binaries per major version off the PATH.
    private const string DebianRoot = "/usr/lib/postgresql";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<Task<Cluster>> Running = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The newest installed version's <c>bin</c> folder with <c>initdb</c> and <c>pg_ctl</c>, or null.</summary>
    public static string? BinFolder { get; } = FindBinFolder();

    /// <summary>
    /// A superuser connection string of the cluster, which starts on the first call. A failed start fails every caller
    /// with the tools' own error output.
    /// </summary>
    public static async Task<string> AdminConnectionStringAsync() => (await Running.Value).ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (Running.IsValueCreated && Running.Value.IsCompletedSuccessfully)
        {
            await StopAsync(await Running.Value);
        }
    }

    private static string? FindBinFolder()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(DebianRoot)
            .Select(folder => (Folder: folder, Version: Version.TryParse(VersionText(Path.GetFileName(folder)), out var version) ? version : null))
            .Where(candidate => candidate.Version is not null
                && File.Exists(Path.Combine(candidate.Folder, "bin", "initdb"))
                && File.Exists(Path.Combine(candidate.Folder, "bin", "pg_ctl")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Folder, "bin"))
            .FirstOrDefault();

        // Since PostgreSQL 10 the folders are named by major version alone ("15"), which Version does not parse.
        static string VersionText(string name) => name.Contains('.', StringComparison.Ordinal) ? name : name + ".0";
    }

    private static async Task<Cluster> StartAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("A throwaway PostgreSQL needs Debian's server binaries, on Linux.");
        }

        // Directly under the system temp folder (sticky and open to all), so the postgres user can reach it when the
        // tests run as root; the folder itself is closed to everybody else.
        var folder = Path.Combine(Path.GetTempPath(), $"weerbaar-postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var cluster = new Cluster(folder, Path.Combine(folder, "data"), "");
        try
        {
            // Password authentication, not trust: 127.0.0.1 is open to every account on a shared machine, and a
            // superuser can run programs as the postgres user (COPY … TO PROGRAM). The password lives for one run.
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(folder, "password");
            await File.WriteAllTextAsync(passwordFile, password);
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", Superuser, folder], folder);
            }

            await RunToolAsync("initdb",
                ["-D", cluster.DataFolder, "-U", Superuser, "--pwfile", passwordFile, "-A", "scram-sha-256",
                 "-E", "UTF8", "--no-locale", "--no-sync"],
                folder);
            File.Delete(passwordFile);

            var port = FreePort.Next();
            // Nothing here has to survive a crash: durability off makes the many CREATE/DROP DATABASEs fast.
            await File.AppendAllLinesAsync(Path.Combine(cluster.DataFolder, "postgresql.conf"),
            [
                "listen_addresses = '127.0.0.1'",
                $"port = {port}",
                $"unix_socket_directories = '{folder}'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
            ]);

            // -w waits until the server accepts connections, and gives up after -t seconds with its own message
            // (within RunAsync's bound); -l sends the server's output to a file, so the server does not keep pg_ctl's
            // pipes open after pg_ctl exits.
            var log = Path.Combine(folder, "server.log");
            try
            {
                await RunToolAsync("pg_ctl", ["start", "-D", cluster.DataFolder, "-l", log, "-w", "-t", "30"], folder);
            }
            catch (InvalidOperationException ex) when (File.Exists(log))
            {
                throw new InvalidOperationException($"{ex.Message}\nServer log:\n{await File.ReadAllTextAsync(log)}", ex);
            }

            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = Superuser,
                Password = password,
            }.ConnectionString;
            return cluster with { ConnectionString = connectionString };
        }
        catch (Exception ex)
        {
            try
            {
                await StopAsync(cluster);
            }
            catch (InvalidOperationException cleanup)
            {
                throw new AggregateException(ex, cleanup);
            }

            throw;
        }
    }

    private static async Task StopAsync(Cluster cluster)
    {
        try
        {
            if (File.Exists(Path.Combine(cluster.DataFolder, "postmaster.pid")))
            {
                // Immediate: the data is thrown away, so there is nothing to flush or wait for.
                await RunToolAsync("pg_ctl", ["stop", "-D", cluster.DataFolder, "-m", "immediate", "-w"], cluster.Folder);
            }
        }
        finally
        {
            Directory.Delete(cluster.Folder, recursive: true);
        }
    }

    /// <summary>Runs a server tool, as the postgres user when the tests run as root: initdb and pg_ctl refuse root.</summary>
    private static Task RunToolAsync(string tool, IReadOnlyList<string> args, string workingDirectory)
    {
        var path = Path.Combine(BinFolder ?? throw new InvalidOperationException($"No PostgreSQL server binaries under {DebianRoot}."), tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", Superuser, "--", path, .. args], workingDirectory)
            : RunAsync(path, args, workingDirectory);
    }

    /// <summary>Runs a program to its end; throws with its error output when it fails or outlives <see cref="CommandTimeout"/>.</summary>
    private static async Task RunAsync(string program, IReadOnlyList<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        var command = $"{Path.GetFileName(program)} {string.Join(' ', args)}";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command} did not finish within {CommandTimeout.TotalSeconds} s:\n{await stderr}{await stdout}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} exited with {process.ExitCode}:\n{await stderr}{await stdout}");
        }
    }

    private sealed record Cluster(string Folder, string DataFolder, string ConnectionString);
}
