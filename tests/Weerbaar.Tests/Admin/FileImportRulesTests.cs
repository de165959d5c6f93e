using System.IO.Compression;
using System.Text;
using Weerbaar.Bot.Admin;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Admin;

/// <summary>The rules behind importing a file in Teams: which addresses may be fetched, and that every refusal reads as Dutch.</summary>
public sealed class FileImportRulesTests
{
    private static readonly AdminOptions Options = new() { FileDownloadHosts = ["sharepoint.com", "sharepoint-df.com"] };

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1&tempauth=t", true)]
    [InlineData("https://sharepoint.com/x.md", true)]
    [InlineData("https://CONTOSO.SharePoint.com/x.md", true)]
    [InlineData("https://contoso.sharepoint-df.com/x.md", true)]
    [InlineData("http://contoso.sharepoint.com/x.md", false)]
    [InlineData("https://evilsharepoint.com/x.md", false)]
    [InlineData("https://contoso.sharepoint.com.evil.example/x.md", false)]
    [InlineData("https://contoso.sharepoint.com./x.md", false)]
    [InlineData("https://user:secret@contoso.sharepoint.com/x.md", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("ftp://contoso.sharepoint.com/x.md", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Allows_OnlyHttpsOnTheListedHostsAndTheirSubdomains(string address, bool allowed)
    {
        Assert.Equal(allowed, DownloadAllowList.Allows(new Uri(address), Options));
    }

    [Fact]
    public void Allows_PlainHttp_OnlyWhenSwitchedOnExplicitly()
    {
        var local = new Uri("http://127.0.0.1:5000/file");
        var options = new AdminOptions { FileDownloadHosts = ["127.0.0.1"] };

        Assert.False(DownloadAllowList.Allows(local, options));
        options.AllowHttpDownloads = true;
        Assert.True(DownloadAllowList.Allows(local, options));
        Assert.False(DownloadAllowList.Allows(new Uri("http://127.0.0.2:5000/file"), options));
    }

    [Theory]
    [InlineData("sharepoint.com", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("com", false)]
    [InlineData("*.sharepoint.com", false)]
    [InlineData("sharepoint.com.", false)]
    [InlineData("", false)]
    [InlineData("https://sharepoint.com", false)]
    public void IsValidSuffix_AcceptsOnlyPlainHostNamesWithADot(string suffix, bool valid)
    {
        Assert.Equal(valid, DownloadAllowList.IsValidSuffix(suffix));
    }

    public static TheoryData<string, byte[]> RefusedUploads => new()
    {
        { "kennis.pdf", [1, 2, 3] },
        { "artikel.md", [0xC3, 0x28] },
        { "artikel.md", new byte[(100 * 1024) + 1] },
        { "kennis.zip", Encoding.UTF8.GetBytes("geen zip") },
        { "kennis.zip", Zip(("../weg.md", "x")) },
        { "kennis.zip", Zip(("map/artikel.md", "x")) },
        { "kennis.zip", Zip(("a.md", "x"), ("articles/a.md", "x")) },
        { "kennis.zip", Zip([.. Enumerable.Range(0, KnowledgeLimits.MaxBundleEntries + 1).Select(i => ($"a{i}.md", "x"))]) },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task EveryProblemOfAnUpload_HasADutchText(string fileName, byte[] content)
    {
        var read = await KnowledgeBundle.ReadAsync(fileName, new MemoryStream(content), CancellationToken.None);

        Assert.NotEmpty(read.Problems);
        Assert.All(read.Problems, problem => Assert.DoesNotContain("technische melding", ProblemTexts.Dutch(problem), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not a place in the knowledge layout (expected articles/x.md)", "Dit bestand hoort op een andere plek: articles/x.md.")]
    [InlineData("the import holds this file more than once", "Dit bestand staat meer dan één keer in de import.")]
    [InlineData("the file name may hold only lower-case letters, digits and single hyphens", "De bestandsnaam mag alleen kleine letters, cijfers en losse streepjes hebben, bijvoorbeeld noodpakket.md.")]
    [InlineData("changed by someone else during the import; nothing was imported, try again", "Iemand anders heeft dit intussen gewijzigd. Er is niets geïmporteerd. Probeer het opnieuw.")]
    [InlineData("'id' must equal the file name ('noodpakket')", "Het id moet gelijk zijn aan de bestandsnaam ('noodpakket').")]
    [InlineData("the files in the zip file are larger than 10 MB together", "De bestanden in het zipbestand zijn samen groter dan 10 MB.")]
    [InlineData("the file is damaged or compressed in a way that cannot be read", "Het bestand is beschadigd. Maak het zipbestand opnieuw.")]
    [InlineData("an article starts with front matter: a line '---'", "Een artikel begint met een kop tussen twee regels '---'.")]
    [InlineData("'status' must be 'published' or 'draft'", "Status moet 'published' of 'draft' zijn.")]
    [InlineData("unknown audience 'kinderen' (use iedereen, ouderen)", "De doelgroep 'kinderen' ken ik niet. Kies uit: iedereen, ouderen.")]
    public void ImportProblems_ReadAsDutch(string message, string dutch)
    {
        Assert.Equal(dutch, ProblemTexts.Dutch(new KnowledgeProblem("articles/x.md", 1, message)));
    }

    private static byte[] Zip(params (string Path, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(path).Open());
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
