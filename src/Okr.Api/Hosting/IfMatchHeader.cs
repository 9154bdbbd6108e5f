using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Okr.Api.Hosting;

/// <summary>
/// Declares the optional If-Match header on every operation that can answer 412, so clients (and the generated
/// TypeScript client) can send the ETag they read.
/// </summary>
internal sealed class IfMatchHeader : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod;
        if (method is "GET" || operation.Responses is null || !operation.Responses.ContainsKey("412"))
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "The ETag (version) you read, e.g. \"3\". When the resource has changed since, the answer is 412 and nothing is written.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
