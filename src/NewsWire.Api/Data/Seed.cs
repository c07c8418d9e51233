using NewsWire.Api.Articles;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Data;

/// <summary>The articles a fresh database starts with: the TASS report NewsWire was designed around.</summary>
internal static class Seed
{
    private static readonly (string Resource, WireCopyMetadata Metadata)[] Articles =
    [
        ("NewsWire.Seed.tass-2015-09-18-refugee-crisis.txt",
            new WireCopyMetadata { Source = "TASS", PublishedAt = "2015-09-18", Lang = "en", Tags = ["refugees", "terrorism", "islamic-state"] }),
    ];

    public static async Task<int> StoreAsync(ArticleStore store, CancellationToken cancellationToken)
    {
        foreach (var (resource, metadata) in Articles)
        {
            var text = await ReadResourceAsync(resource, cancellationToken);
            var parsed = WireCopyParser.Parse(text);
            var draft = ArticleDrafts.FromWireCopy(
                parsed.Article ?? throw new InvalidOperationException($"Seed {resource} does not parse: {string.Join("; ", parsed.Errors.SelectMany(e => e.Value))}"),
                metadata, DateTime.UtcNow);
            await store.CreateAsync(draft.Draft ?? throw new InvalidOperationException($"Seed {resource} is not valid."), cancellationToken);
        }

        return Articles.Length;
    }

    private static async Task<string> ReadResourceAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = typeof(Seed).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Seed resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
