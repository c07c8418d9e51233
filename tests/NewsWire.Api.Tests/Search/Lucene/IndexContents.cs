using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>What a Lucene index holds, read from its live documents: every article id, and which are hidden near-duplicates.</summary>
public sealed record IndexContents(IReadOnlyList<long> Ids, IReadOnlySet<long> Hidden)
{
    /// <summary>The change-log position recorded by the last commit in a folder no writer holds.</summary>
    public static long CommittedPosition(string folder)
    {
        using var directory = new global::Lucene.Net.Store.NIOFSDirectory(folder);
        using var reader = DirectoryReader.Open(directory);
        return long.Parse(reader.IndexCommit.UserData["position"], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The searcher's view of a running index (what a search sees now).</summary>
    public static IndexContents Of(LuceneIndex index) => index.Use(searcher => Read(searcher.IndexReader));

    /// <summary>The last commit in a folder no writer holds.</summary>
    public static IndexContents Committed(string folder)
    {
        using var directory = new global::Lucene.Net.Store.NIOFSDirectory(folder);
        using var reader = DirectoryReader.Open(directory);
        return Read(reader);
    }

    private static IndexContents Read(IndexReader reader)
    {
        var ids = new List<long>();
        var hidden = new HashSet<long>();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(LuceneFields.Id);
            var live = leaf.AtomicReader.LiveDocs;
            var hiddenDocs = leaf.AtomicReader.GetTermDocsEnum(new Term(LuceneFields.Hidden, "1"));
            var hiddenSet = new HashSet<int>();
            while (hiddenDocs is not null && hiddenDocs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                hiddenSet.Add(hiddenDocs.DocID);
            }

            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    ids.Add(values.Get(doc));
                    if (hiddenSet.Contains(doc))
                    {
                        hidden.Add(values.Get(doc));
                    }
                }
            }
        }

        return new IndexContents(ids, hidden);
    }
}
