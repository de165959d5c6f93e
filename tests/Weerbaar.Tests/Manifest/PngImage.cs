using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Weerbaar.Tests.Manifest;

/// <summary>
/// A minimal PNG reader for the icon tests: 8-bit greyscale, grey+alpha, RGB and RGBA, not interlaced — enough to
/// check what Teams checks (size, white-on-transparent) without an image library. Pixels come out as RGBA.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The PNG colour type: 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA.</summary>
    public byte ColorType { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var offset = ((y * Width) + x) * 4;
            return (_rgba[offset], _rgba[offset + 1], _rgba[offset + 2], _rgba[offset + 3]);
        }
    }

    public IEnumerable<(int X, int Y, (byte R, byte G, byte B, byte A) Pixel)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return (x, y, this[x, y]);
            }
        }
    }

    /// <summary>Width and height from the IHDR chunk only, without decoding.</summary>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> png)
    {
        CheckSignature(png);
        if (Encoding.ASCII.GetString(png.Slice(12, 4)) != "IHDR")
        {
            throw new InvalidDataException("The first PNG chunk is not IHDR.");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));
    }

    public static PngImage Decode(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        CheckSignature(png);
        int width = 0, height = 0;
        byte colorType = 0;
        using var compressed = new MemoryStream();
        for (var offset = Signature.Length; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset, 4));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data[..4]);
                    height = BinaryPrimitives.ReadInt32BigEndian(data.Slice(4, 4));
                    var bitDepth = data[8];
                    colorType = data[9];
                    var interlace = data[12];
                    if (bitDepth != 8 || colorType is not (0 or 2 or 4 or 6) || interlace != 0)
                    {
                        throw new NotSupportedException($"PNG bit depth {bitDepth}, colour type {colorType}, interlace {interlace} is not supported by this test reader.");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            offset += 12 + length;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };
        var raw = Inflate(compressed.ToArray());
        var pixels = Unfilter(raw, width, height, channels);
        return new PngImage(width, height, colorType, ToRgba(pixels, width * height, channels));
    }

    private static void CheckSignature(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var input = new MemoryStream(zlibData);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    // Undoes the per-scanline filters of the PNG spec (None, Sub, Up, Average, Paeth).
    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length != (stride + 1) * height)
        {
            throw new InvalidDataException($"PNG data is {raw.Length} bytes, expected {(stride + 1) * height}.");
        }

        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = y * (stride + 1) + 1;
            var row = y * stride;
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? pixels[row + i - bytesPerPixel] : 0;
                int up = y > 0 ? pixels[row - stride + i] : 0;
                int upLeft = y > 0 && i >= bytesPerPixel ? pixels[row - stride + i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter type {filter} in row {y}."),
                };
                pixels[row + i] = (byte)(raw[source + i] + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int count, int channels)
    {
        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var p = i * channels;
            (byte r, byte g, byte b, byte a) = channels switch
            {
                1 => (pixels[p], pixels[p], pixels[p], (byte)255),
                2 => (pixels[p], pixels[p], pixels[p], pixels[p + 1]),
                3 => (pixels[p], pixels[p + 1], pixels[p + 2], (byte)255),
                _ => (pixels[p], pixels[p + 1], pixels[p + 2], pixels[p + 3]),
            };
            rgba[i * 4] = r;
            rgba[(i * 4) + 1] = g;
            rgba[(i * 4) + 2] = b;
            rgba[(i * 4) + 3] = a;
        }

        return rgba;
    }
}
