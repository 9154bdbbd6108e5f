using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Security;

namespace Okr.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The pipeline, outermost first. Mediator itself is registered by the host (its source generator lives
    /// there) with these behaviours.
    /// </summary>
    public static readonly Type[] PipelineBehaviours =
    [
        typeof(LoggingBehaviour<,>),
        typeof(TimingBehaviour<,>),
        typeof(AuthorizationBehaviour<,>),
        typeof(ValidationBehaviour<,>),
        typeof(TransactionBehaviour<,>),
    ];

    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<AuditScope>();

        var authorizer = typeof(IRequestAuthorizer<>);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == authorizer))
                services.AddScoped(contract, type);
        }
        return services;
    }
}
