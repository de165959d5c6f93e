namespace Weerbaar.Testing;

/// <summary>Fresh folders for test files (databases, certificates, screenshots) under the system temp folder.</summary>
public static class TestDirectories
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "weerbaar-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
