using FluentValidation;
using Okr.Application.Common.Exceptions;
using Okr.Domain.Common;

namespace Okr.Api.Errors;

/// <summary>What the caller is told about a failure: the same for REST (ProblemDetails) and GraphQL (extensions.code).</summary>
/// <param name="Status">The HTTP status for REST.</param>
/// <param name="Code">A stable code the client can switch on: VALIDATION, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, CONFLICT, or a domain rule code.</param>
/// <param name="Title">A short sentence for people.</param>
/// <param name="Detail">More explanation, when there is any.</param>
/// <param name="Errors">Field errors, for validation failures.</param>
public sealed record ErrorDescription(int Status, string Code, string Title, string? Detail, IDictionary<string, string[]>? Errors = null)
{
    public bool IsServerError => Status >= 500;
}

public static partial class ErrorMapping
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string Internal = "INTERNAL";
    public const string Busy = "BUSY";

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }

    public static ErrorDescription Describe(Exception exception, bool includeDetails) => exception switch
    {
        ValidationException validation => new(StatusCodes.Status400BadRequest, Validation, "The request has invalid fields.",
            "Correct the fields listed in errors and try again.",
            validation.Errors
                .GroupBy(e => ToCamelCase(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        DomainRuleException { Code: var code } rule when code.StartsWith("validation.", StringComparison.Ordinal) =>
            new(StatusCodes.Status400BadRequest, Validation, rule.Message, null),
        DomainRuleException rule => new(StatusCodes.Status422UnprocessableEntity, rule.Code, rule.Message, null),
        ConflictException conflict => new(StatusCodes.Status409Conflict, conflict.Code, conflict.Message, null),
        AnswerTooLargeException tooLarge => new(StatusCodes.Status422UnprocessableEntity, tooLarge.Code, tooLarge.Message, null),
        NotFoundException notFound => new(StatusCodes.Status404NotFound, NotFound, notFound.Message, null),
        ForbiddenException forbidden => new(StatusCodes.Status403Forbidden, Forbidden, forbidden.Message, null),
        UnauthenticatedException unauthenticated => new(StatusCodes.Status401Unauthorized, Unauthenticated, unauthenticated.Message, null),
        ConcurrencyException stale => new(StatusCodes.Status412PreconditionFailed, Conflict, stale.Message, null),
        BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad => Unreadable(bad.StatusCode, json),
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when NoBody().IsMatch(bad.Message) =>
            new(bad.StatusCode, Validation, "The request could not be read.", "This operation takes a JSON body.",
                new Dictionary<string, string[]> { [Body] = ["Send a JSON object as the body, with Content-Type: application/json."] }),
        BadHttpRequestException bad => new(bad.StatusCode, Validation, "The request could not be read.", bad.Message,
            bad.StatusCode == StatusCodes.Status400BadRequest
                ? new Dictionary<string, string[]> { [NamedParameter().Match(bad.Message) is { Success: true } named ? named.Groups["name"].Value : Body] = [bad.Message] }
                : null),
        OperationCanceledException => new(499, "CANCELLED", "The request was cancelled.", null),
        // The database did not answer in time or every pooled connection was busy (a burst beyond the pool): the request
        // changed nothing (its transaction never committed) and can be retried, so it is a 503 with Retry-After, not a 500.
        _ when Causes(exception).Any(e => e is TimeoutException) =>
            new(StatusCodes.Status503ServiceUnavailable, Busy, "The server is busy.",
                "The database did not answer in time; nothing was changed. Try again in a few seconds."),
        _ => new(StatusCodes.Status500InternalServerError, Internal, "Something went wrong on our side.",
            includeDetails ? exception.ToString() : "The error was logged. Try again, and tell the administrators if it persists."),
    };

    /// <summary>The code of a problem the framework wrote itself (routing, authentication, body limits).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Validation,
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed => Conflict,
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status429TooManyRequests => "RATE_LIMITED",
        >= 500 => Internal,
        _ => "ERROR",
    };

    /// <summary>
    /// A body that could not be bound, in the client's words and without .NET type names: the fields it names (a
    /// missing required field, a field the operation does not take, a value of the wrong type), or where the JSON
    /// itself went wrong.
    /// </summary>
    private static ErrorDescription Unreadable(int status, System.Text.Json.JsonException json)
    {
        var where = $"line {json.LineNumber + 1}, position {json.BytePositionInLine}";
        if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            var names = QuotedName().Matches(missing.Groups["names"].Value).Select(m => ToCamelCase(m.Groups["name"].Value)).ToList();
            return new(status, Validation, InvalidFields, $"Required fields are missing: {string.Join(", ", names)}.",
                names.ToDictionary(name => name, _ => Required));
        }
        if (json.Path is not { Length: > 2 } path)
            return new(status, Validation, "The request could not be read.", $"The body is not valid JSON ({where}).",
                new Dictionary<string, string[]> { [Body] = [$"Send one JSON object that is valid JSON ({where})."] });
        var field = ToCamelCase(path[2..]);
        if (json is Input.InvalidTextException text)
            return new(status, Validation, InvalidFields, $"'{path[2..]}' has characters this API does not accept ({where}).",
                new Dictionary<string, string[]> { [field] = [text.Message] });
        if (DuplicateProperty().IsMatch(json.Message))
            return new(status, Validation, InvalidFields, $"'{path[2..]}' appears more than once ({where}).",
                new Dictionary<string, string[]> { [field] = ["This field appears more than once in the body: send it once."] });
        if (NullForNonNullable().IsMatch(json.Message))
            return new(status, Validation, InvalidFields, $"'{path[2..]}' may not be null ({where}).",
                new Dictionary<string, string[]> { [field] = ["This field may not be null: leave it out to take its default, or send a value."] });
        return Unmapped().IsMatch(json.Message)
            ? new(status, Validation, InvalidFields, $"'{path[2..]}' is not a field of this operation ({where}).",
                new Dictionary<string, string[]> { [field] = ["This operation has no such field. Check its spelling against the API description (/swagger)."] })
            : new(status, Validation, InvalidFields, $"'{path[2..]}' has the wrong type or format ({where}).",
                new Dictionary<string, string[]> { [field] = ["This value has the wrong type or format."] });
    }

    private const string InvalidFields = "The request has invalid fields.";

    /// <summary>The key of errors about the body as a whole (not JSON, not an object, missing).</summary>
    public const string Body = "body";
    private static readonly string[] Required = ["This field is required."];

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (?<names>.+)$")]
    private static partial System.Text.RegularExpressions.Regex MissingRequired();

    [System.Text.RegularExpressions.GeneratedRegex("'(?<name>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    [System.Text.RegularExpressions.GeneratedRegex("no body was provided|was not provided from body")]
    private static partial System.Text.RegularExpressions.Regex NoBody();

    /// <summary>A query or route parameter the framework could not bind: <c>parameter "bool useCookies"</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex NamedParameter();

    [System.Text.RegularExpressions.GeneratedRegex("[Dd]uplicate")]
    private static partial System.Text.RegularExpressions.Regex DuplicateProperty();

    [System.Text.RegularExpressions.GeneratedRegex("non-nullable|null value|cannot be null|was null", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NullForNonNullable();

    [System.Text.RegularExpressions.GeneratedRegex("could not be mapped to any .NET member")]
    private static partial System.Text.RegularExpressions.Regex Unmapped();

    private static string ToCamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
