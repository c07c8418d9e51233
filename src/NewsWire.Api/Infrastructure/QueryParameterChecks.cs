using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NewsWire.Api.Infrastructure;

/// <summary>
/// Rejects query parameters an endpoint does not declare (a typo like <c>limt=5</c> must not be silently
/// ignored) and single-valued parameters given twice. What an endpoint declares is read once from its
/// handler's signature: <c>[FromQuery]</c> parameters and the properties of <c>[AsParameters]</c> records,
/// so the check and the OpenAPI document can never disagree.
/// </summary>
public static class QueryParameterChecks
{
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factoryContext, next) =>
        {
            var declared = DeclaredQueryParameters(factoryContext.MethodInfo);
            return invocation =>
            {
                var errors = Check(invocation.HttpContext.Request.Query, declared);
                return errors is null ? next(invocation) : ValueTask.FromResult<object?>(Problems.Validation(errors));
            };
        });

    private static Dictionary<string, string[]>? Check(IQueryCollection query, Dictionary<string, bool> declared)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (name, values) in query)
        {
            string? message = null;
            if (!declared.TryGetValue(name, out var multiValued))
            {
                message = declared.Count == 0
                    ? $"Unknown query parameter '{name}': this endpoint takes none."
                    : $"Unknown query parameter '{name}'. Known: {string.Join(", ", declared.Keys.Order())}.";
            }
            else if (!multiValued && values.Count > 1)
            {
                message = $"'{name}' may be given once; it was given {values.Count} times.";
            }

            if (message is not null)
            {
                (errors ??= [])[name] = [message];
            }
        }

        return errors;
    }

    /// <summary>Name → whether it may repeat.</summary>
    private static Dictionary<string, bool> DeclaredQueryParameters(MethodInfo handler)
    {
        var declared = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
                    {
                        declared[fromQuery.Name ?? property.Name] = IsMultiValued(property.PropertyType);
                    }
                    else if (!property.GetCustomAttributes().Any(a => a is IFromServiceMetadata or IFromRouteMetadata
                                 or IFromHeaderMetadata or IFromBodyMetadata))
                    {
                        declared[property.Name] = IsMultiValued(property.PropertyType);
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
