namespace NewsWire.Api.Ingest;

/// <summary>
/// The article text read and prepared but not yet committed, in characters, between the two stages of an
/// import. Counting articles alone would let 1,000 of the longest (a million characters each) pile up as 2 GB:
/// the reading stage waits while more than the budget is in flight, and the writing stage gives text back as
/// its batches commit. The budget must exceed a batch's text by one article's, so that the reader can always
/// add the article that fills the batch.
/// </summary>
public sealed class TextInFlight(long budget) : IDisposable
{
    private readonly SemaphoreSlim _given = new(0);
    private long _characters;

    /// <summary>Waits until <paramref name="characters"/> more fit in the budget (always, when nothing is in flight).</summary>
    public async ValueTask TakeAsync(long characters, CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _characters) is var inFlight && inFlight > 0 && inFlight + characters > budget)
        {
            await _given.WaitAsync(cancellationToken); // a release may be stale; the loop looks again
        }

        Interlocked.Add(ref _characters, characters);
    }

    public void Give(long characters)
    {
        Interlocked.Add(ref _characters, -characters);
        _given.Release();
    }

    public void Dispose() => _given.Dispose();
}
