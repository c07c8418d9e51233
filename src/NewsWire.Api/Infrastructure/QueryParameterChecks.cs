using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Rejects query parameters an endpoint does not declare (a typo like <c>limt=5</c> must not be silently
/// ignored) and single-valued parameters given twice. What an endpoint declares is read once from its
/// handler's signature: <c>[FromQuery]</c> parameters and the properties of <c>[AsParameters]</c> records,
/// so the check and the OpenAPI document can never disagree. Only properties the binder can set count: a
/// computed one (<c>IsEmpty</c>) is not a parameter.
/// </summary>
public static class QueryParameterChecks
{
    /// <summary>A request may carry thousands of bad names; the answer names this many and counts the rest.</summary>
    public const int NamedInAnswer = 10;
    private const int LongestNameShown = 100;

    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factoryContext, next) =>
        {
            var declared = DeclaredQueryParameters(factoryContext.MethodInfo);
            var known = string.Join(", ", declared.Keys.Order());
            return invocation =>
            {
                var (errors, count) = Check(invocation.HttpContext.Request.Query, declared, known);
                return errors is null ? next(invocation) : ValueTask.FromResult<object?>(Problems.Validation(errors, Detail(count)));
            };
        });

    /// <summary>The first <see cref="NamedInAnswer"/> bad parameters by name, and how many there were in all.</summary>
    private static (Dictionary<string, string[]>? Errors, int Count) Check(
        IQueryCollection query, Dictionary<string, bool> declared, string known)
    {
        Dictionary<string, string[]>? errors = null;
        var count = 0;
        foreach (var (name, values) in query)
        {
            string? message = null;
            var shown = name.Length <= LongestNameShown ? name : name[..LongestNameShown] + "…";
            if (!declared.TryGetValue(name, out var multiValued))
            {
                message = declared.Count == 0
                    ? $"Unknown query parameter '{shown}': this endpoint takes none."
                    : $"Unknown query parameter '{shown}'. Known: {known}.";
            }
            else if (!multiValued && values.Count > 1)
            {
                message = $"'{name}' may be given once; it was given {values.Count} times.";
            }

            if (message is not null && ++count <= NamedInAnswer)
            {
                (errors ??= [])[shown] = [message];
            }
        }

        return (errors, count);
    }

    private static string? Detail(int count) => count <= NamedInAnswer
        ? null
        : $"{count:N0} query parameters are not valid; errors names the first {NamedInAnswer}.";

    /// <summary>Name → whether it may repeat.</summary>
    private static Dictionary<string, bool> DeclaredQueryParameters(MethodInfo handler)
    {
        var declared = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.SetMethod is { IsPublic: true }))
                {
                    // Named as clients write them (and the OpenAPI document shows them): includeDuplicates, not IncludeDuplicates.
                    if (property.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
                    {
                        declared[fromQuery.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = IsMultiValued(property.PropertyType);
                    }
                    else if (!property.GetCustomAttributes().Any(a => a is IFromServiceMetadata or IFromRouteMetadata
                                 or IFromHeaderMetadata or IFromBodyMetadata))
                    {
                        declared[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = IsMultiValued(property.PropertyType);
                    }
                }
            }
            else if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                declared[fromQuery.Name ?? parameter.Name!] = IsMultiValued(parameter.ParameterType);
            }
        }

        return declared;
    }

    private static bool IsMultiValued(Type type) => type.IsArray;
}
