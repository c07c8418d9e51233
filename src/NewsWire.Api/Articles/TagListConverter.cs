using System.Text.Json;
using System.Text.Json.Serialization;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// Reads <see cref="ArticleInput.Tags"/> and stops keeping entries at the limit: past
/// <see cref="ArticleLimits.TagsPerArticle"/> it only counts them, so a body of 100,000 tags is refused after one
/// pass over its bytes, with no string made for the tags it will not keep.
/// </summary>
public sealed class TagListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(); // the serializer words it as a wrong type at $.tags
        }

        var tags = new List<string>();
        var given = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (++given > ArticleLimits.TagsPerArticle)
            {
                reader.Skip(); // refused whatever it is; only the count matters now
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                tags.Add(reader.GetString()!);
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                throw new JsonException();
            }
        }

        return given > ArticleLimits.TagsPerArticle ? throw new TooManyTagsException(given) : tags;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var tag in value)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
    }
}

/// <summary>A tags array longer than an article may have; thrown from the JSON reader so reading stops there.</summary>
public sealed class TooManyTagsException(int given)
    : JsonException(DraftTags.TooMany($"{given:N0}"));
