using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Weerbaar.Core.Knowledge;

namespace Weerbaar.Tests.Knowledge;

/// <summary>Uploaded knowledge is read defensively: nothing outside the layout, nothing too big, nothing half.</summary>
public sealed class KnowledgeBundleTests
{
    private const string Article = "---\nid: x\n---\nTekst.\n";

    [Fact]
    public async Task ReadAsync_SingleMarkdown_IsAnArticleKeyedByItsFileName_WithoutByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("café")).ToArray();

        var content = await ReadAsync(@"C:\fakepath\noodpakket.md", bytes);

        var file = Assert.Single(content.Files);
        Assert.Equal(KnowledgeFile.ForArticle("noodpakket", "café"), file);
        Assert.Empty(content.Problems);
    }

    [Fact]
    public async Task ReadAsync_ZipInTheKnowledgeLayout_MapsEveryFile_AndARootArticleToArticles()
    {
        var zip = Zip(
            ("articles/", ""),
            ("articles/noodpakket.md", Article),
            ("nl-alert.md", Article),
            ("resources.yaml", "resources: []\n"),
            ("synonyms.txt", "a, b\n"),
            ("gesprekstool/scenario.yaml", "id: s\n"),
            ("__MACOSX/._nl-alert.md", "\0\u0005"));

        var content = await ReadAsync("kennis.zip", zip);

        Assert.Empty(content.Problems);
        Assert.Equal(
            [
                (KnowledgeKind.Article, "noodpakket", "articles/noodpakket.md"),
                (KnowledgeKind.Article, "nl-alert", "articles/nl-alert.md"),
                (KnowledgeKind.ResourceCatalog, "resources", "resources.yaml"),
                (KnowledgeKind.Synonyms, "synonyms", "synonyms.txt"),
                (KnowledgeKind.Scenario, "scenario", "gesprekstool/scenario.yaml"),
            ],
            content.Files.Select(f => (f.Kind, f.Key, f.Path)));
    }

    [Theory]
    [InlineData("../evil.md")]
    [InlineData("articles/../../evil.md")]
    [InlineData("/etc/evil.md")]
    [InlineData("C:/evil.md")]
    [InlineData("C:evil.md")]
    [InlineData(@"..\evil.md")]
    [InlineData(@"articles\..\..\evil.md")]
    [InlineData("articles/./evil.md")]
    [InlineData("articles//evil.md")]
    public async Task ReadAsync_EntryPathThatCouldLeaveTheFolder_IsRefused(string path)
    {
        var content = await ReadAsync("kennis.zip", Zip(("articles/noodpakket.md", Article), (path, Article)));

        Assert.Empty(content.Files);
        var problem = Assert.Single(content.Problems);
        Assert.Equal(path, problem.File);
        Assert.Contains("not a plain relative path", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sources/bron.md")]
    [InlineData("logo.png")]
    [InlineData("articles/noodpakket.txt")]
    [InlineData("gesprekstool/ander.yaml")]
    public async Task ReadAsync_EntryThatIsNoKnowledgeFile_IsRefused(string path)
    {
        var content = await ReadAsync("kennis.zip", Zip((path, Article)));

        var problem = Assert.Single(content.Problems);
        Assert.Equal(path, problem.File);
        Assert.StartsWith("not a knowledge file", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kennis.txt")]
    [InlineData("kennis.tar.gz")]
    public async Task ReadAsync_UploadThatIsNeitherArticleNorZip_IsRefused(string name)
    {
        var content = await ReadAsync(name, Encoding.UTF8.GetBytes(Article));

        Assert.Empty(content.Files);
        Assert.StartsWith("unknown file type", Assert.Single(content.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileThatIsNoZip_IsRefused()
    {
        var content = await ReadAsync("kennis.zip", Encoding.UTF8.GetBytes(Article));

        Assert.Equal("the file is not a valid zip file", Assert.Single(content.Problems).Message);
    }

    [Fact]
    public async Task ReadAsync_MoreThan200Entries_IsRefused()
    {
        var zip = Zip([.. Enumerable.Range(0, KnowledgeLimits.MaxBundleEntries + 1).Select(i => ($"articles/a{i}.md", Article))]);

        var content = await ReadAsync("kennis.zip", zip);

        Assert.Empty(content.Files);
        Assert.Equal(new KnowledgeProblem("kennis.zip", 1, "the zip file has more than 200 entries"), Assert.Single(content.Problems));
    }

    [Fact]
    public async Task ReadAsync_EntryLargerThanAVersionMayBe_IsRefused()
    {
        var zip = Zip(("articles/groot.md", new string('a', KnowledgeLimits.MaxFileLength + 1)), ("articles/klein.md", Article));

        var content = await ReadAsync("kennis.zip", zip);

        Assert.Empty(content.Files);
        Assert.Equal(new KnowledgeProblem("articles/groot.md", 1, "the content is larger than 100 KB"), Assert.Single(content.Problems));
    }

    [Fact]
    public async Task ReadAsync_SingleMarkdownLargerThanAVersionMayBe_IsRefused()
    {
        var content = await ReadAsync("groot.md", Encoding.UTF8.GetBytes(new string('a', KnowledgeLimits.MaxFileLength + 1)));

        Assert.Empty(content.Files);
        Assert.Equal("the content is larger than 100 KB", Assert.Single(content.Problems).Message);
    }

    [Fact]
    public async Task ReadAsync_ZipBombWhoseHeaderClaimsASmallSize_IsRefusedWithoutInflatingIt()
    {
        // 20 MB of one letter packs into about 20 KB; the headers are then rewritten to claim 100 bytes.
        var zip = Zip(("articles/bom.md", new string('a', 20 * 1024 * 1024)));
        ClaimUncompressedSize(zip, 100);

        var content = await ReadAsync("bom.zip", zip);

        Assert.Empty(content.Files);
        var problem = Assert.Single(content.Problems);
        Assert.Equal("articles/bom.md", problem.File);
        Assert.StartsWith("the file is damaged", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ZipBombWithAnHonestHeader_IsRefusedFromTheHeader()
    {
        var zip = Zip(("articles/bom.md", new string('a', 20 * 1024 * 1024)));

        var content = await ReadAsync("bom.zip", zip);

        Assert.Equal(new KnowledgeProblem("articles/bom.md", 1, "the content is larger than 100 KB"), Assert.Single(content.Problems));
    }

    [Fact]
    public async Task ReadAsync_EntriesThatInflatePastTheTotalLimitTogether_AreRefused()
    {
        var full = new string('a', KnowledgeLimits.MaxFileLength);
        var count = (KnowledgeLimits.MaxBundleBytes / KnowledgeLimits.MaxFileLength) + 1;
        var zip = Zip([.. Enumerable.Range(0, count).Select(i => ($"articles/a{i}.md", full))]);
        Assert.True(zip.Length < KnowledgeLimits.MaxBundleBytes / 10);

        var content = await ReadAsync("kennis.zip", zip);

        Assert.Empty(content.Files);
        Assert.Equal(new KnowledgeProblem("kennis.zip", 1, "the files in the zip file are larger than 10 MB together"), Assert.Single(content.Problems));
    }

    [Fact]
    public async Task ReadAsync_UploadLargerThanTheTotalLimit_IsRefusedUnread()
    {
        var content = await ReadAsync("kennis.zip", new byte[KnowledgeLimits.MaxBundleBytes + 1]);

        Assert.Equal("the zip file is larger than 10 MB", Assert.Single(content.Problems).Message);
    }

    [Fact]
    public async Task ReadAsync_TextThatIsNotUtf8_IsRefused()
    {
        var latin1 = Encoding.Latin1.GetBytes("---\nid: cafe\ntitle: Café\n---\n");
        var zip = Zip(("articles/ok.md", Encoding.UTF8.GetBytes(Article)), ("articles/cafe.md", latin1), ("articles/binair.md", [0x00, 0x01, 0x02]));

        var zipped = await ReadAsync("kennis.zip", zip);
        var single = await ReadAsync("cafe.md", latin1);

        Assert.Empty(zipped.Files);
        Assert.Equal(
            [new KnowledgeProblem("articles/cafe.md", 1, "the file is not UTF-8 text"), new KnowledgeProblem("articles/binair.md", 1, "the file is not UTF-8 text")],
            zipped.Problems);
        Assert.Equal(new KnowledgeProblem("cafe.md", 1, "the file is not UTF-8 text"), Assert.Single(single.Problems));
    }

    [Fact]
    public async Task ReadAsync_TwoEntriesForTheSameKey_AreRefused()
    {
        var zip = Zip(("noodpakket.md", Article), ("articles/noodpakket.md", Article));

        var content = await ReadAsync("kennis.zip", zip);

        Assert.Empty(content.Files);
        Assert.Equal(new KnowledgeProblem("articles/noodpakket.md", 1, "the zip file holds articles/noodpakket.md more than once"), Assert.Single(content.Problems));
    }

    private static async Task<KnowledgeBundleContent> ReadAsync(string name, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await KnowledgeBundle.ReadAsync(name, stream, TestContext.Current.CancellationToken);
    }

    private static byte[] Zip(params (string Path, string Text)[] entries) =>
        Zip([.. entries.Select(e => (e.Path, Encoding.UTF8.GetBytes(e.Text)))]);

    private static byte[] Zip(params (string Path, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries)
            {
                using var stream = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    // Rewrites the uncompressed size of the only entry in its local header and in the central directory, found through
    // the end-of-central-directory record (zip format, APPNOTE 4.3.7, 4.3.12, 4.3.16).
    private static void ClaimUncompressedSize(byte[] zip, uint size)
    {
        const uint EndOfCentralDirectory = 0x06054b50;
        var end = zip.Length - 22;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end)) != EndOfCentralDirectory)
        {
            end--;
        }

        var centralDirectory = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(end + 16));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(centralDirectory + 24), size);
    }
}
