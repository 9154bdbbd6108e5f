using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Okr.Api.Hosting;

/// <summary>
/// The contract says which fields a request must carry, exactly as the server reads them: in a command (a record whose
/// fields are set by name), a field is required when it is declared <c>required</c> (System.Text.Json refuses a body
/// without it) or <c>[Required]</c>; a field with a default (<c>Raci = []</c>, <c>Visibility = Public</c>) is
/// optional, whatever its type. Positional records (the answers) keep every field required: the server always
/// writes them.
/// </summary>
internal sealed class RequiredMembers(IOptions<JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties)
            return;
        var type = context.Type;
        // Our own commands only: the framework's types (Identity's answers, problem details) keep their declarations.
        if (!type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null
            || type.Assembly.GetName().Name?.StartsWith("Okr.", StringComparison.Ordinal) != true)
            return;
        var required = new SortedSet<string>(StringComparer.Ordinal);
        // A command built without its required members (the runtime does not enforce them) shows the defaults.
        var defaults = Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!properties.TryGetValue(name, out var declared))
                continue;
            if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null || property.GetCustomAttribute<RequiredAttribute>() is not null
                || property.GetCustomAttribute<JsonRequiredAttribute>() is not null)
                required.Add(name);
            else if (declared is OpenApiSchema optional && property.GetValue(defaults) is { } value && !IsEmptyId(value))
                optional.Default = JsonSerializer.SerializeToNode(value, property.PropertyType, json.Value.SerializerOptions);
        }
        concrete.Required = required.Count == 0 ? null : required;
    }

    private static bool IsEmptyId(object value) => value is Guid id && id == Guid.Empty;
}
