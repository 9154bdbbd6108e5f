using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Okr.Api.Hosting;

/// <summary>Declares the optional <c>Idempotency-Key</c> header on every POST under /api (ADR 0027).</summary>
internal sealed class IdempotencyKeyHeader : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "POST" || context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "A unique key (e.g. a UUID) that makes retrying safe: the same key and body within 24 hours replays the first " +
                          "answer with the header Idempotent-Replayed: true; the same key with another body is 422 idempotency.key_reused; " +
                          "while the first request runs, 409 idempotency.in_progress. Keys belong to the caller and organisation.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });
    }
}
