using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace NewsWire.Core.Articles;

/// <summary>
/// Near-duplicate detection by MinHash over word shingles. Two stories re-sent with a changed word or an
/// added paragraph, or carried by a second agency, share most of their three-word runs (shingles); the
/// share (Jaccard similarity) is estimated from <see cref="SignatureLength"/> minimum hashes. For lookup
/// the signature is cut into <see cref="Bands"/> bands of <see cref="RowsPerBand"/> hashes (locality-
/// sensitive hashing): stories that share any band are candidates, and a candidate is a near-duplicate
/// when its estimated similarity is at least <see cref="Threshold"/>. With 16 bands of 4, a pair at 0.7
/// similarity becomes a candidate 99% of the time, a pair at 0.3 only 12% of the time.
/// </summary>
public static class NearDuplicates
{
    public const int SignatureLength = 64;
    public const int Bands = 16;
    public const int RowsPerBand = SignatureLength / Bands;
    public const double Threshold = 0.7;
    private const int ShingleWords = 3;

    /// <summary>The MinHash signature of a body: 64 unsigned 32-bit minimums, as bytes for storage.</summary>
    public static byte[] Signature(IEnumerable<string> paragraphs)
    {
        var minimums = new uint[SignatureLength];
        Array.Fill(minimums, uint.MaxValue);
        foreach (var hash in ShingleHashes(WordHashes(paragraphs)))
        {
            // One 64-bit hash per shingle gives the 64 permutations as h1 + i*h2 (Kirsch–Mitzenmacher).
            uint h1 = (uint)hash, h2 = (uint)(hash >> 32) | 1;
            for (var i = 0; i < SignatureLength; i++)
            {
                var value = h1 + ((uint)i * h2);
                if (value < minimums[i])
                {
                    minimums[i] = value;
                }
            }
        }

        var bytes = new byte[SignatureLength * sizeof(uint)];
        for (var i = 0; i < SignatureLength; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), minimums[i]);
        }

        return bytes;
    }

    /// <summary>One lookup key per band; equal keys mean the band's four minimums are equal.</summary>
    public static long[] BandKeys(byte[] signature)
    {
        var keys = new long[Bands];
        var bandBytes = RowsPerBand * sizeof(uint);
        Span<byte> seeded = stackalloc byte[bandBytes + 1];
        for (var band = 0; band < Bands; band++)
        {
            seeded[0] = (byte)band; // the band's number is part of its key: band 3 never matches band 5
            signature.AsSpan(band * bandBytes, bandBytes).CopyTo(seeded[1..]);
            keys[band] = (long)XxHash64.HashToUInt64(seeded);
        }

        return keys;
    }

    /// <summary>The estimated Jaccard similarity: the share of equal minimums.</summary>
    public static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < a.Length; i += sizeof(uint))
        {
            if (a.Slice(i, sizeof(uint)).SequenceEqual(b.Slice(i, sizeof(uint))))
            {
                equal++;
            }
        }

        return equal / (double)(a.Length / sizeof(uint));
    }

    /// <summary>
    /// A hash per word: words are runs between spaces, trimmed of punctuation and lower-cased, so "Friday,"
    /// and "friday" are one word. Hashing words once and combining three hashes per shingle spares building
    /// a string for every shingle: bulk import computes a signature for every article it stores.
    /// </summary>
    private static List<ulong> WordHashes(IEnumerable<string> paragraphs)
    {
        var hashes = new List<ulong>();
        Span<char> lower = stackalloc char[128];
        foreach (var paragraph in paragraphs)
        {
            foreach (var range in paragraph.AsSpan().SplitAny(" \t\n\r"))
            {
                var word = paragraph.AsSpan(range).Trim(WordPunctuation);
                if (word.IsEmpty)
                {
                    continue;
                }

                var buffer = word.Length <= lower.Length ? lower[..word.Length] : new char[word.Length];
                word.ToLowerInvariant(buffer);
                hashes.Add(XxHash64.HashToUInt64(MemoryMarshal.AsBytes((ReadOnlySpan<char>)buffer)));
            }
        }

        return hashes;
    }

    /// <summary>Runs of three words, order kept; a body shorter than that is one shingle of what it has.</summary>
    private static IEnumerable<ulong> ShingleHashes(List<ulong> words)
    {
        if (words.Count < ShingleWords)
        {
            if (words.Count > 0)
            {
                yield return Mix(words.Aggregate(0UL, (a, w) => (a * Prime) + w));
            }

            yield break;
        }

        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            yield return Mix((((words[i] * Prime) + words[i + 1]) * Prime) + words[i + 2]);
        }
    }

    private const ulong Prime = 0x9E3779B97F4A7C15;
    private const string WordPunctuation = ".,;:!?\"'“”‘’«»()[]";

    /// <summary>The splitmix64 finalizer: every input bit reaches every output bit.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
