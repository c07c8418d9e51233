using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsWire.Storage;

/// <summary>
/// Columns that filters compare without regard to case (<c>source=tass</c> finds TASS): the model says which
/// (<see cref="IsCaseInsensitive"/>), and this class alone says how each provider keeps the promise, so it
/// holds by decision rather than by one engine's default. SQLite: the <c>NOCASE</c> collation, which folds
/// ASCII letters (agency names, language tags, English place names); equality and <c>IN</c> use it, and so
/// do the indexes. A provider without a means here fails when its model is built, not silently.
/// </summary>
public static class CaseInsensitiveText
{
    private const string Annotation = "NewsWire:CaseInsensitive";

    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>Marks a text column as compared without regard to case by every filter on it.</summary>
    public static PropertyBuilder<T> IsCaseInsensitive<T>(this PropertyBuilder<T> property) =>
        typeof(T) == typeof(string) ? property.HasAnnotation(Annotation, true)
            : throw new ArgumentException($"Only text can be case-insensitive, not {typeof(T).Name}.", nameof(property));

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
                default:
                    throw new NotSupportedException(
                        $"The storage provider {providerName} has no case-insensitive text for {property.DeclaringType.DisplayName()}.{property.Name}.");
            }
        }
    }
}
