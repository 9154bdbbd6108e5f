using GraphQL.Types;
using Okr.Api.GraphQL.Types;

namespace Okr.Api.GraphQL;

/// <summary>The read side of the product: queries only; writes are REST's. Its SDL is committed as schema.graphql.</summary>
public sealed class OkrSchema : Schema
{
    public OkrSchema(IServiceProvider services) : base(services)
    {
        Description = "Okr: the OKR graph of your organisation — units, periods, objectives, key results, check-ins and everything computed from them.";
        Query = services.GetRequiredService<QueryGraphType>();
        RegisterType(new InputStringGraphType()); // replaces the built-in String: text arguments follow the API's rule
    }
}
