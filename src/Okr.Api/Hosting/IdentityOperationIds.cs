using System.Globalization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Okr.Api.Hosting;

/// <summary>
/// ASP.NET Core Identity's endpoints come without names; give them stable operationIds (and so stable method
/// names in the generated client): POST /api/auth/manage/info → manageInfo, GET … → getManageInfo.
/// </summary>
internal sealed class IdentityOperationIds : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var path = context.ApiDescription.RelativePath ?? string.Empty;
        if (!path.StartsWith("api/auth/", StringComparison.Ordinal))
            return;
        var name = string.Concat(path["api/auth/".Length..].Split('?')[0].Split('/')
            .Select(segment => char.ToUpper(segment[0], CultureInfo.InvariantCulture) + segment[1..]));
        var verb = context.ApiDescription.HttpMethod ?? "POST";
        operation.OperationId = verb == "POST" ? name : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(verb.ToLowerInvariant()) + name;
        operation.Tags = new HashSet<OpenApiTagReference> { new("Auth") };
        DocumentRefusals(operation, context, path.Split('?')[0]["api/auth/".Length..], verb);
    }

    /// <summary>
    /// Identity declares only its 200: the contract also says how each endpoint refuses (ADR 0016, 0017): 400 for a
    /// body or link it cannot use, 401 for credentials or codes that do not sign in, 429 when throttled.
    /// </summary>
    private static void DocumentRefusals(OpenApiOperation operation, OperationFilterContext context, string endpoint, string verb)
    {
        var throttled = endpoint is "login" or "register" or "refresh" or "confirmEmail" or "resendConfirmationEmail"
            or "forgotPassword" or "resetPassword";
        var signsIn = endpoint is "login" or "refresh" or "confirmEmail" || endpoint.StartsWith("manage/", StringComparison.Ordinal);
        var validates = (verb != "GET" && endpoint != "logout") || endpoint == "confirmEmail";
        operation.Responses ??= [];
        if (validates)
            Add(operation, context, "400", "Bad Request", typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails));
        if (signsIn)
            Add(operation, context, "401", "Unauthorized", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
        if (throttled)
            Add(operation, context, "429", "Too Many Requests (see Retry-After)", typeof(Microsoft.AspNetCore.Mvc.ProblemDetails));
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, string status, string description, Type problem)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(problem, context.SchemaRepository) },
            },
        };
    }
}
