namespace NewsWire.Api.Caching;

/// <summary>The output cache's budget (<c>NewsWire:Cache</c>); checked when the service starts.</summary>
public sealed class CacheOptions
{
    public const string Section = "NewsWire:Cache";
    public const string MegabytesSetting = Section + ":Megabytes";

    /// <summary>Megabytes of cached answers; 0 turns the cache off (every read goes to the database).</summary>
    public int Megabytes { get; set; } = 32;

    public bool Enabled => Megabytes > 0;

    internal static IServiceCollection AddCacheOptions(IServiceCollection services)
    {
        services.AddOptions<CacheOptions>()
            .BindConfiguration(Section)
            .Validate(o => o.Megabytes is >= 0 and <= 16_384, $"{MegabytesSetting} must be from 0 (off) to 16384.")
            .ValidateOnStart();
        return services;
    }
}
