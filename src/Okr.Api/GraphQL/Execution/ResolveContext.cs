using GraphQL;
using Mediator;
using Okr.Api.GraphQL.Loading;
using Okr.Application.Common;

namespace Okr.Api.GraphQL.Execution;

/// <summary>What resolvers need from the request: Mediator (so the pipeline applies), the loaders, and argument parsing.</summary>
internal static class ResolveContext
{
    public static Task<T> SendAsync<T>(this IResolveFieldContext context, IQuery<T> query) =>
        Services(context).GetRequiredService<ISender>().Send(query, context.CancellationToken).AsTask();

    public static RequestLoaders Loaders(this IResolveFieldContext context) => Services(context).GetRequiredService<RequestLoaders>();

    public static ISender Sender(this IResolveFieldContext context) => Services(context).GetRequiredService<ISender>();

    /// <summary>A required ID argument; one that is not an id this API issued is a validation error naming the argument.</summary>
    public static Guid Id(this IResolveFieldContext context, string name) =>
        OptionalId(context, name) ?? throw Invalid.Field(name, $"{name} is required.");

    public static Guid? OptionalId(this IResolveFieldContext context, string name)
    {
        var raw = context.GetArgument<object?>(name);
        return raw switch
        {
            null => null,
            Guid id => id,
            string text when Guid.TryParse(text, out var id) => id,
            _ => throw Invalid.Field(name, $"{name} is not an id this API issued."),
        };
    }

    public static DateTimeOffset? AsOf(this IResolveFieldContext context) => context.GetArgument<DateTimeOffset?>("asOf");

    private static IServiceProvider Services(IResolveFieldContext context) =>
        context.RequestServices ?? throw new InvalidOperationException("GraphQL requests run with the request's services.");
}
