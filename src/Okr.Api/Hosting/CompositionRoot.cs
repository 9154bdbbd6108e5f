using Mediator;
using Okr.Application;
using Okr.Application.Common.Behaviours;
using Okr.Api.Security;
using Okr.Infrastructure;

namespace Okr.Api.Hosting;

/// <summary>The services of the product without the HTTP host: what the API and the integration tests share.</summary>
public static class CompositionRoot
{
    public static IServiceCollection AddOkrCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddApplication();
        services.AddInfrastructure(configuration, environment);
        // Mediator's source generator lives in this assembly; it finds the handlers of Application.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Okr.Application.DependencyInjection)];
            // Outermost first. Listed literally: the generator reads this list from the syntax.
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(TimingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddOkrIdentity();
        services.AddApiKeyAuthentication();
        services.AddOkrGraphQL(configuration, environment);
        return services;
    }
}
