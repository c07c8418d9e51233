using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>
/// Columns that filters compare without regard to case (<c>source=tass</c> finds TASS): the model says which
/// (<see cref="IsCaseInsensitive"/>), and this class alone says how each provider keeps the promise, so it
/// holds by decision rather than by one engine's default. SQLite: the <c>NOCASE</c> collation, which folds
/// ASCII letters (agency names, language tags, English place names); equality and <c>IN</c> use it, and so
/// do the indexes. PostgreSQL: the <c>citext</c> type (its extension is created by the first migration), which
/// folds case by the database's locale. A provider without a means here fails when its model is built, not
/// silently. Columns compared by range in hand-written SQL (the slug's "slug-2", "slug-3"… look-up) are marked
/// <see cref="IsOrdinal"/>: byte order on every provider, where a linguistic collation would skip punctuation.
/// </summary>
public static class CaseInsensitiveText
{
    private const string Annotation = "NewsWire:CaseInsensitive";
    private const string OrdinalAnnotation = "NewsWire:Ordinal";

    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Marks a text column as compared without regard to case by every filter on it.</summary>
    public static PropertyBuilder<T> IsCaseInsensitive<T>(this PropertyBuilder<T> property) =>
        typeof(T) == typeof(string) ? property.HasAnnotation(Annotation, true)
            : throw new ArgumentException($"Only text can be case-insensitive, not {typeof(T).Name}.", nameof(property));

    /// <summary>Marks a text column as ordered by its bytes (code points), whatever the database's locale.</summary>
    public static PropertyBuilder<string> IsOrdinal(this PropertyBuilder<string> property) => property.HasAnnotation(OrdinalAnnotation, true);

    /// <summary>Whether a column was marked (tests and providers read it).</summary>
    public static bool IsCaseInsensitive(IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;

    internal static void Apply(ModelBuilder model, string? providerName)
    {
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(IsCaseInsensitive))
        {
            switch (providerName)
            {
                case SqliteProvider:
                    property.SetCollation("NOCASE");
                    break;
                case PostgresProvider:
                    property.SetColumnType("citext");
                    break;
                default:
                    throw new NotSupportedException(
                        $"The storage provider {providerName} has no case-insensitive text for {property.DeclaringType.DisplayName()}.{property.Name}.");
            }
        }

        // SQLite compares text by its bytes unless told otherwise.
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.FindAnnotation(OrdinalAnnotation)?.Value is true && providerName == PostgresProvider))
        {
            property.SetCollation("C");
        }
    }
}
