using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Messaging;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Interceptors;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Scheduling;
using Okr.Infrastructure.Seeding;
using Okr.Infrastructure.Time;

namespace Okr.Infrastructure;

public static class DependencyInjection
{
    public const string DefaultSqliteConnection = "Data Source=App_Data/okr.db";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString("Okr");
        services.AddOkrDatabase(provider, connectionString, environment.ContentRootPath);

        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CurrentUserResolver>();
        services.AddScoped<RefreshTokenRotation>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddSingleton<Persistence.Idempotency.IdempotencyStore>();
        services.AddScoped<IAccounts, Accounts>();
        // The framework (tokens, cookies) keeps the machine's clock; the product's rules read IClock, which
        // Clock:Start can pin for tests and demos.
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock>(new SystemClock(ReadTimeProvider(configuration, environment)));
        services.AddOkrMessaging(configuration, environment);
        services.AddOkrScheduler(configuration, provider, provider == DatabaseProvider.Sqlite
            ? SqliteConnectionUnder(environment.ContentRootPath, connectionString ?? DefaultSqliteConnection)
            : Required(connectionString, provider));
        services.AddScoped<DemoSeeder>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));

        services.AddHealthChecks().AddDbContextCheck<OkrDbContext>("database");
        return services;
    }

    /// <summary>
    /// Email through the transactional outbox: SMTP (MailKit) when <c>Email:Host</c> is set, else .eml files in the pickup
    /// folder; dispatched by the scheduler's <see cref="OutboxDispatchJob"/>, claiming messages so that each is sent once
    /// (ADR 0021, 0025).
    /// </summary>
    public static IServiceCollection AddOkrMessaging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<IAppLinks, AppLinks>();
        services.AddSingleton<IUnsubscribeTokens, UnsubscribeTokens>();
        services.AddSingleton<IEmailTransport>(sp =>
        {
            var email = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(email.Host)
                ? new PickupFolderEmailTransport(Path.GetFullPath(Path.Combine(environment.ContentRootPath, email.PickupFolder)))
                : ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp);
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<Reminders.CheckInReminderRun>();
        services.AddSingleton<Reviews.BusinessReviewRun>();
        services.AddSingleton<IBackgroundWork, BackgroundWork>();
        services.AddOkrWebhooks(configuration);
        return services;
    }

    /// <summary>
    /// Outbound webhooks (ADR 0030): secrets under Data Protection, the target rules, and a client that checks every
    /// address it connects to and follows no redirect; sent by the scheduler's <see cref="WebhookDispatchJob"/>.
    /// </summary>
    public static IServiceCollection AddOkrWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Webhooks.WebhookOptions>().Bind(configuration.GetSection(Webhooks.WebhookOptions.Section));
        services.AddDataProtection();
        services.AddSingleton<Application.Webhooks.IWebhookSecrets, Webhooks.WebhookSecrets>();
        services.AddSingleton<Webhooks.WebhookTargets>();
        services.AddSingleton<Application.Webhooks.IWebhookTargets>(sp => sp.GetRequiredService<Webhooks.WebhookTargets>());
        services.AddHttpClient(Webhooks.WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectCallback = sp.GetRequiredService<Webhooks.WebhookTargets>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        return services;
    }

    /// <summary>The system clock, or outside Production one pinned by <c>Clock:Start</c> (see <see cref="ShiftedTimeProvider"/>).</summary>
    public static TimeProvider ReadTimeProvider(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[ShiftedTimeProvider.Setting];
        if (string.IsNullOrWhiteSpace(value))
            return TimeProvider.System;
        if (environment.IsProduction())
            throw new InvalidOperationException($"{ShiftedTimeProvider.Setting} moves the clock for tests and demos; it is refused in Production.");
        if (!DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var start))
            throw new InvalidOperationException($"{ShiftedTimeProvider.Setting} '{value}' is not a date and time (e.g. 2026-11-22T12:00:00Z).");
        return new ShiftedTimeProvider(start);
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not one of Sqlite, Postgres, SqlServer.");
    }

    /// <summary>
    /// Registers the provider's context, with the save interceptors (<see cref="SaveInterceptors"/>), as
    /// <see cref="OkrDbContext"/> and <see cref="IOkrDbContext"/>.
    /// </summary>
    public static IServiceCollection AddOkrDatabase(this IServiceCollection services, DatabaseProvider provider, string? connectionString, string contentRoot)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionUnder(contentRoot, connectionString ?? DefaultSqliteConnection);
                services.AddDbContext<SqliteOkrDbContext>(o => o.UseSqlite(sqlite).AddSaveInterceptors());
                services.AddScoped<OkrDbContext>(sp => sp.GetRequiredService<SqliteOkrDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresOkrDbContext>(o => o.UseNpgsql(Required(connectionString, provider)).AddSaveInterceptors());
                services.AddScoped<OkrDbContext>(sp => sp.GetRequiredService<PostgresOkrDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerOkrDbContext>(o => o.UseSqlServer(Required(connectionString, provider)).AddSaveInterceptors());
                services.AddScoped<OkrDbContext>(sp => sp.GetRequiredService<SqlServerOkrDbContext>());
                break;
        }
        services.AddScoped<IOkrDbContext>(sp => sp.GetRequiredService<OkrDbContext>());
        return services;
    }

    /// <summary>
    /// ASP.NET Core Identity on EF Core with the API endpoints' bearer tokens and cookies. Passwords: at least 10
    /// characters, no composition rules, none of the common ones (NIST SP 800-63B). Failed passwords never lock an
    /// account (see <see cref="OkrSignInManager"/>); a lockout end is how an account is deactivated (ADR 0016).
    /// </summary>
    public static IdentityBuilder AddOkrIdentity(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            cookie.Cookie.HttpOnly = true;
        });
        return services.AddIdentityApiEndpoints<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<OkrDbContext>()
            .AddSignInManager<OkrSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddEmailSender();
    }

    public const int MinimumPasswordLength = 10;

    private static string Required(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"ConnectionStrings:Okr is required for the {provider} provider.")
            : connectionString;

    /// <summary>A relative SQLite file lives under the host's content root (src/Okr.Api/App_Data by default).</summary>
    private static string SqliteConnectionUnder(string contentRoot, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
