using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Security;

namespace Okr.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators, authorisers and the audit scope. Mediator itself, with the pipeline behaviours of
    /// Common/Behaviours, is registered by the host, where its source generator lives.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<AuditScope>();
        services.AddScoped<AccessPolicyProvider>();
        services.AddScoped<Objectives.Grading.ObjectiveGrader>();
        services.AddScoped<OkrGraph.Snapshot.OkrReadModel>();
        services.AddScoped<Reviews.BusinessReviewComposer>();
        services.AddScoped<Reviews.BusinessReviewPublisher>();

        var authorizer = typeof(IRequestAuthorizer<>);
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == authorizer))
                services.AddScoped(contract, type);
            if (typeof(Reviews.IBusinessReviewPublishedHandler).IsAssignableFrom(type))
                services.AddScoped(typeof(Reviews.IBusinessReviewPublishedHandler), type);
        }
        return services;
    }
}
