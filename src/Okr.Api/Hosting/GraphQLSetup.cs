using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Okr.Api.Errors;
using Okr.Api.GraphQL;
using Okr.Api.GraphQL.Execution;
using Okr.Api.GraphQL.Http;
using Okr.Api.GraphQL.Loading;

namespace Okr.Api.Hosting;

/// <summary>The GraphQL read side: schema, execution (serial for queries, so one DbContext serves the request), limits, errors.</summary>
public static partial class GraphQLSetup
{
    public const string Path = "/graphql";

    public static IServiceCollection AddOkrGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddScoped<RequestLoaders>();
        services.AddSingleton(limits);
        services.AddSingleton<ExecutionGate>();
        services.AddSingleton<DocumentGuard>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<OkrSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(OkrSchema).Assembly)
            .AddErrorInfoProvider(new OkrErrorInfoProvider(environment.IsDevelopment()))
            .AddComplexityAnalyzer(limits.Configure)
            // Batch loaders complete after every other field of a step; the serial strategy also keeps the request's
            // single DbContext from being used by two resolvers at once.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .WithTimeout(limits.ExecutionTimeout, TimeoutAction.ReturnTimeoutError)
            .AddUnhandledExceptionHandler(context =>
            {
                var error = ErrorMapping.Describe(context.OriginalException, includeDetails: false);
                if (error.IsServerError && context.Context?.RequestServices?.GetService<ILoggerFactory>() is { } loggers)
                    LogResolverFailure(loggers.CreateLogger(typeof(GraphQLSetup)), context.OriginalException, context.FieldContext?.FieldDefinition.Name);
            }));
        return services;
    }

    /// <summary>POST and GET /graphql.</summary>
    public static IEndpointConventionBuilder MapOkrGraphQL(this IEndpointRouteBuilder routes) => GraphQLHttpEndpoint.Map(routes, Path);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL field {Field} failed")]
    private static partial void LogResolverFailure(ILogger logger, Exception exception, string? field);
}
