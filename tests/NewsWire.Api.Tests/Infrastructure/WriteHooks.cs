using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// A seam around the provider's <see cref="IArticleWrites"/> that runs a test's action once, at a chosen moment
/// of the next write: before its connection opens (so before its transaction and anything it looks up in it), or
/// right after it commits (so before the request has answered). Races become deterministic.
/// </summary>
public sealed class WriteHooks
{
    private Func<Task>? _beforeOpen;
    private Func<Task>? _afterCommit;

    /// <summary>Replaces the service's <see cref="IArticleWrites"/> with one that calls these hooks.</summary>
    public void Install(IServiceCollection services)
    {
        var provider = services.Single(s => s.ServiceType == typeof(IArticleWrites)).ImplementationType!;
        services.RemoveAll<IArticleWrites>();
        services.AddSingleton(provider);
        services.AddSingleton<IArticleWrites>(s => new Hooked((IArticleWrites)s.GetRequiredService(provider), this));
    }

    public void BeforeNextOpen(Func<Task> action) => _beforeOpen = action;

    public void AfterNextCommit(Func<Task> action) => _afterCommit = action;

    private sealed class Hooked(IArticleWrites inner, WriteHooks hooks) : IArticleWrites
    {
        public async Task<IWriteConnection> OpenAsync(NewsWireDb db, WriteLoad load, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref hooks._beforeOpen, null) is { } action)
            {
                await action();
            }

            return new Connection(await inner.OpenAsync(db, load, cancellationToken), hooks);
        }
    }

    private sealed class Connection(IWriteConnection inner, WriteHooks hooks) : IWriteConnection
    {
        public async Task<IArticleWriter> BeginAsync(CancellationToken cancellationToken) =>
            new Writer(await inner.BeginAsync(cancellationToken), hooks);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Writer(IArticleWriter inner, WriteHooks hooks) : IArticleWriter
    {
        public ValueTask<WriteOutcome> CreateAsync(PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            inner.CreateAsync(article, now, cancellationToken);

        public ValueTask<IReadOnlyList<WriteOutcome>> CreateManyAsync(IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken) =>
            inner.CreateManyAsync(articles, now, cancellationToken);

        public ValueTask<ReplaceOutcome> ReplaceAsync(long id, PreparedArticle article, DateTime now, CancellationToken cancellationToken) =>
            inner.ReplaceAsync(id, article, now, cancellationToken);

        public ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

        public async Task<long> CommitAsync(CancellationToken cancellationToken)
        {
            var position = await inner.CommitAsync(cancellationToken);
            if (Interlocked.Exchange(ref hooks._afterCommit, null) is { } action)
            {
                await action();
            }

            return position;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
