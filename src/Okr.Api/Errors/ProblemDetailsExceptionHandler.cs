using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Okr.Api.Errors;

/// <summary>Every failure becomes an RFC 9457 problem document with a stable <c>code</c>; internals stay out outside Development.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = ErrorMapping.Describe(exception, environment.IsDevelopment());
        if (error.IsServerError)
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);

        httpContext.Response.StatusCode = error.Status;
        if (error.Status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = "5";
        ProblemDetails problem = error.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = error.Status;
        problem.Title = error.Title;
        problem.Detail = error.Detail;
        problem.Type = $"https://okr.dev/problems/{error.Code.ToLowerInvariant().Replace('_', '-').Replace('.', '/')}";
        problem.Extensions["code"] = error.Code;

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
