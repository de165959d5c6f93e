namespace Weerbaar.Tests.Support;

/// <summary>
/// Which optional test dependencies this machine has. Locally a missing PostgreSQL or Chromium skips the tests
/// that need it, with the reason; CI sets <c>WEERBAAR_REQUIRE_ALL_TESTS=1</c>, which turns every such skip into
/// a failure, so nothing passes there by not running.
/// </summary>
public static class TestEnvironment
{
    /// <summary>An Npgsql connection string of a server and role that may create databases.</summary>
    public const string PostgresVariable = "WEERBAAR_TEST_POSTGRES";

    public const string RequireAllVariable = "WEERBAAR_REQUIRE_ALL_TESTS";

    public static string PostgresAdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Unavailable($"PostgreSQL tests need {PostgresVariable} (e.g. Host=127.0.0.1;Username=postgres;Password=…).");
        }

        return value!;
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
