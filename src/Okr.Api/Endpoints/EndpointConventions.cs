namespace Okr.Api.Endpoints;

internal static class EndpointConventions
{
    /// <summary>
    /// The operationId is the handler's name, so the generated TypeScript client's method has it too; every
    /// command may answer with the problem documents of the shared error mapping.
    /// </summary>
    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name)
            .WithSummary(summary)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Writes that name something that must exist but take no If-Match (a new child, a link, a copy).</summary>
    public static RouteHandlerBuilder NotFound(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Reads of one resource: 404 when it does not exist or the caller may not see it. No 412: reads take no If-Match.</summary>
    public static RouteHandlerBuilder Read(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Conditional writes: 404, and 412 when the If-Match version is stale.</summary>
    public static RouteHandlerBuilder NotFoundAndStale(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    public static RouteHandlerBuilder RuleViolations(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Endpoints a stranger can reach, throttled per client (ADR 0016): 429 with Retry-After.</summary>
    public static RouteHandlerBuilder Throttled(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status429TooManyRequests);
}
