using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Weerbaar.Tests.Support;

namespace Weerbaar.Tests.Manifest;

/// <summary>The committed icons come from manifest/draw-icons.mjs, and the test PNG reader reads what it should.</summary>
public sealed class IconTests
{
    [Fact]
    public async Task CommittedIcons_AreWhatTheScriptDraws()
    {
        // Pixels are compared, not bytes: another Node.js version may compress the same pixels differently.
        var folder = TestDirectories.Create("icons");
        try
        {
            var start = new ProcessStartInfo("node", [RepoPaths.Of("manifest", "draw-icons.mjs"), folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, await stderr);

            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                var drawn = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(folder, icon), TestContext.Current.CancellationToken));
                var committed = PngImage.Decode(await File.ReadAllBytesAsync(RepoPaths.Of("manifest", icon), TestContext.Current.CancellationToken));
                Assert.Equal((committed.Width, committed.Height), (drawn.Width, drawn.Height));
                Assert.True(
                    committed.Pixels().SequenceEqual(drawn.Pixels()),
                    $"manifest/{icon} differs from what draw-icons.mjs draws: run `node manifest/draw-icons.mjs` and commit the result.");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PngReader_UndoesEveryFilterType()
    {
        // Our icon writer only uses filter 0; other tools use all five, so the reader is checked on each.
        const int width = 5;
        const int height = 5;
        var expected = new byte[width * height * 4];
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = (byte)((i * 37) + (i / 7 * 11));
        }

        var image = PngImage.Decode(EncodeRgba(width, height, expected));

        Assert.Equal((width, height), (image.Width, image.Height));
        var actual = image.Pixels().SelectMany(p => new[] { p.Pixel.R, p.Pixel.G, p.Pixel.B, p.Pixel.A }).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void PngReader_RejectsWhatIsNoPng()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Decode(Encoding.ASCII.GetBytes("GIF89a, certainly not a PNG file")));
    }

    // Encodes row y with filter type y % 5, straight from the PNG specification.
    private static byte[] EncodeRgba(int width, int height, byte[] rgba)
    {
        const int bpp = 4;
        var stride = width * bpp;
        var raw = new byte[(stride + 1) * height];
        for (var y = 0; y < height; y++)
        {
            var filter = (byte)(y % 5);
            raw[y * (stride + 1)] = filter;
            for (var i = 0; i < stride; i++)
            {
                int value = rgba[(y * stride) + i];
                int left = i >= bpp ? rgba[(y * stride) + i - bpp] : 0;
                int up = y > 0 ? rgba[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= bpp ? rgba[((y - 1) * stride) + i - bpp] : 0;
                var predictor = filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => PaethPredictor(left, up, upLeft),
                    _ => 0,
                };
                raw[(y * (stride + 1)) + 1 + i] = (byte)(value - predictor);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 6;

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    // The reader ignores CRCs, so they are left zero here.
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        png.Write(Encoding.ASCII.GetBytes(type));
        png.Write(data);
        png.Write(new byte[4]);
    }

    private static int PaethPredictor(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc)
        {
            return a;
        }

        return pb <= pc ? b : c;
    }
}
