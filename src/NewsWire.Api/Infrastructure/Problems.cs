using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsWire.Api.Infrastructure;

/// <summary>RFC 9457 answers for the errors a client can cause; one place so titles stay consistent.</summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail ?? "One or more parameters or fields are not valid; see errors.",
            title: "The request is not valid.");

    public static ValidationProblem Validation(string key, string message) =>
        Validation(new Dictionary<string, string[]> { [key] = [message] }, message);

    /// <summary>A search past its budget. Under <c>q</c>, because narrowing the query is the way out.</summary>
    public static ValidationProblem TooBroad(string detail) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["q"] = [detail] },
            detail: detail,
            title: "The query is too broad.");

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string what, string id) =>
        Status(StatusCodes.Status404NotFound, "Not found.", $"There is no {what} with id or slug '{id}'.");
}
