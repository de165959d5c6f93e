namespace Weerbaar.Tests.Support;

/// <summary>
/// Which optional test dependencies this machine has. Locally a missing PostgreSQL (neither configured nor installed)
/// or Chromium skips the tests that need it, with the reason; CI sets <c>WEERBAAR_REQUIRE_ALL_TESTS=1</c>, which
/// turns every such skip into a failure, so nothing passes there by not running.
/// </summary>
public static class TestEnvironment
{
    /// <summary>An Npgsql connection string of a server and role that may create databases.</summary>
    public const string PostgresVariable = "WEERBAAR_TEST_POSTGRES";

    public const string RequireAllVariable = "WEERBAAR_REQUIRE_ALL_TESTS";

    /// <summary>Whether PostgreSQL tests can run here: a server is configured, or one of their own can be started.</summary>
    public static bool HasPostgres =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)) || ThrowawayPostgres.BinFolder is not null;

    /// <summary>Why PostgreSQL tests cannot run when <see cref="HasPostgres"/> is false.</summary>
    public static string PostgresMissingReason =>
        $"PostgreSQL tests need {PostgresVariable} (e.g. Host=127.0.0.1;Username=postgres;Password=…) "
        + "or Debian's PostgreSQL server (apt-get install postgresql) to start a throwaway one.";

    /// <summary>The configured server, else the test run's own throwaway cluster (started on first use).</summary>
    public static async Task<string> PostgresAdminConnectionStringAsync()
    {
        if (!HasPostgres)
        {
            Unavailable(PostgresMissingReason);
        }

        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(value) ? await ThrowawayPostgres.AdminConnectionStringAsync() : value;
    }

    /// <summary>Skips the test with <paramref name="reason"/>, or fails it when CI requires every test to run.</summary>
    public static void Unavailable(string reason)
    {
        if (Environment.GetEnvironmentVariable(RequireAllVariable) == "1")
        {
            Assert.Fail(reason + $" ({RequireAllVariable}=1 requires it.)");
        }

        Assert.Skip(reason);
    }
}
