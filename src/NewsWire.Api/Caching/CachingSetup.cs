namespace NewsWire.Api.Caching;

public static class CachingSetup
{
    public static IServiceCollection AddNewsWireCaching(this IServiceCollection services) => services
        .AddStoreCache()
        .AddNewsWireCompression();

    /// <summary>
    /// Cache-Control, then the output cache, then compression inside it: an entry holds the compressed
    /// bytes, so a page read a thousand times is compressed once per coding, not a thousand times.
    /// </summary>
    public static WebApplication UseNewsWireCaching(this WebApplication app)
    {
        app.UseCacheControl();
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }
}
