using Microsoft.OpenApi;

namespace Okr.Api.Hosting;

/// <summary>The REST contract: one Swagger document, committed as openapi.json and used to generate the TypeScript client.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddOkrOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Okr API",
                Version = "v1",
                Description = "Commands of the Okr results platform. Reads of lists and hierarchies are on GraphQL at /graphql.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken returned by POST /api/auth/login.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.UseAllOfToExtendReferenceSchemas();
            options.OperationFilter<IdentityOperationIds>();
            options.OperationFilter<IfMatchHeader>();
            options.OperationFilter<IdempotencyKeyHeader>();
            options.SchemaFilter<RequiredMembers>();
            options.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
            var xml = Path.Combine(AppContext.BaseDirectory, "Okr.Api.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
            var applicationXml = Path.Combine(AppContext.BaseDirectory, "Okr.Application.xml");
            if (File.Exists(applicationXml)) options.IncludeXmlComments(applicationXml);
        });
        return services;
    }
}
