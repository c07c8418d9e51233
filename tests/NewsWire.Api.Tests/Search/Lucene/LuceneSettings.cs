using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>The engine named explicitly, as tests written before Lucene became the only engine still ask (main's merge of
/// lucene-default and lucene-tail lost this class with LuceneApiSuites.cs).</summary>
public static class LuceneSettings
{
    public static Dictionary<string, string?> Engine() => new() { [$"{LuceneSearchSetup.Section}:Engine"] = "Lucene" };
}
