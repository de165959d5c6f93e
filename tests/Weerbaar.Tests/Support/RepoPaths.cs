namespace Weerbaar.Tests.Support;

/// <summary>Finds files of the repository from the test binaries (tests run from tests/Weerbaar.Tests/bin/...).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Weerbaar.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Weerbaar.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
