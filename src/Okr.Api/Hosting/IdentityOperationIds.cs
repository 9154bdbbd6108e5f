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
    }
}
