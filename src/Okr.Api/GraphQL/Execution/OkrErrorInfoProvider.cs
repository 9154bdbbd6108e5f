using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Okr.Api.Errors;

namespace Okr.Api.GraphQL.Execution;

/// <summary>
/// Shapes every GraphQL error: <c>extensions.code</c> comes from the same mapping as REST's ProblemDetails
/// (VALIDATION with field errors, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, CONFLICT, domain rule codes, INTERNAL), and
/// request problems get stable codes of their own. Exception types, messages and stack traces of unexpected failures
/// never leave the server outside Development.
/// </summary>
public sealed class OkrErrorInfoProvider(bool development) : IErrorInfoProvider
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string QueryTooDeep = "QUERY_TOO_DEEP";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";

    // Refusals of the document guard (ADR 0015), before validation.
    public const string QueryTooLarge = "QUERY_TOO_LARGE";
    public const string TooManyFragments = "TOO_MANY_FRAGMENTS";
    public const string FragmentCycle = "FRAGMENT_CYCLE";
    public const string DuplicateFragment = "DUPLICATE_FRAGMENT";
    public const string TooManyFields = "TOO_MANY_FIELDS";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";
    public const string IntrospectionLimit = "INTROSPECTION_LIMIT";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var extensions = new Dictionary<string, object?>();

        if (executionError is UnhandledError && executionError.InnerException is { } exception)
        {
            // A resolver (or the Mediator pipeline under it) threw: map the exception as REST does.
            var cause = Unwrap(exception);
            var error = ErrorMapping.Describe(cause, development);
            extensions["code"] = error.Code;
            var message = error.Title;
            if (error.Errors is { Count: > 0 } fields)
            {
                extensions["errors"] = fields;
                message += " " + string.Join(" ", fields.SelectMany(f => f.Value));
            }
            if (error.IsServerError && development)
                extensions["details"] = cause.ToString();
            return new ErrorInfo { Message = message, Extensions = extensions };
        }

        extensions["code"] = executionError switch
        {
            SyntaxError => ParseFailed,
            ValidationError { Code: QueryTooDeep or QueryTooComplex } limit => limit.Code,
            InvalidVariableError => ErrorMapping.Validation,
            ValidationError => ValidationFailed,
            TimeoutError => Timeout,
            { Code: { Length: > 0 } code } when code.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_') && executionError.InnerException is null => code,
            _ => ErrorMapping.Internal,
        };
        if (executionError is ValidationError { Number: { Length: > 0 } number } && extensions["code"] as string == ValidationFailed)
            extensions["rule"] = number; // the section of the GraphQL specification the document breaks
        var text = extensions["code"] as string == ErrorMapping.Internal && !development
            ? "Something went wrong on our side."
            : executionError.Message;
        return new ErrorInfo { Message = text, Extensions = extensions };
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
}
