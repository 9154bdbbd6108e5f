using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Testing;

namespace Okr.Infrastructure.IntegrationTests;

internal static class TestServices
{
    /// <summary>The persistence services of the product, on a test database, with a fake clock.</summary>
    public static ServiceProvider Build(TestDatabase database, FakeClock? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOkrDatabase(database.Provider, database.ConnectionString, Path.GetTempPath());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<AuditScope>();
        services.AddSingleton<IClock>(clock ?? new FakeClock());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
