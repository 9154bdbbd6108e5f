using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Okr.Application.ServiceAccounts;
using Okr.Infrastructure.Identity;

namespace Okr.Api.Security;

/// <summary>
/// Throttling of the endpoints a stranger can reach (ASP.NET Core rate limiting: 429 with <c>Retry-After</c>, per client
/// and per account), and sign-in answers that do not tell whether an account exists (ADR 0016).
/// </summary>
public static class SignInProtection
{
    /// <summary>The anonymous endpoints (and those that take a secret from a link), throttled per client.</summary>
    private static readonly string[] ThrottledPaths =
    [
        "/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/confirmEmail",
        "/api/auth/resendConfirmationEmail", "/api/auth/forgotPassword", "/api/auth/resetPassword",
        "/api/invitations/accept", "/api/organizations", "/api/unsubscribe",
    ];

    public static IServiceCollection AddSignInProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<AccountLimiter>();
        services.AddSingleton<AnonymousGraphQLLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInThrottleOptions>>((limiter, throttle) =>
        {
            var settings = throttle.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsThrottled(http.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.ClientPermits,
                        Window = TimeSpan.FromSeconds(settings.ClientWindowSeconds),
                        QueueLimit = 0,
                    })
                    // Each API key has its own budget, counted by its public id (never the secret) before it is checked.
                    : ApiKeySecrets.PublicIdOfAuthorization(http.Request.Headers.Authorization.ToString()) is { } apiKey
                        ? RateLimitPartition.GetFixedWindowLimiter("api-key:" + apiKey, _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.ApiKeyPermits,
                            Window = TimeSpan.FromSeconds(settings.ApiKeyWindowSeconds),
                            QueueLimit = 0,
                        })
                        : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.ClientWindowSeconds);
                return new ValueTask(TooManyAttempts(retryAfter).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    private static bool IsThrottled(HttpRequest request)
    {
        // Routing matches "/api/auth/login/" to the same endpoint as "/api/auth/login": so does the throttle.
        var path = (request.Path.Value ?? string.Empty).TrimEnd('/');
        return ThrottledPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
               && (!HttpMethods.IsGet(request.Method) || path.Equals("/api/auth/confirmEmail", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The client, as the server sees it (behind a proxy named in <c>ForwardedHeaders:*</c>, the address it forwards; ADR 0020). An
    /// IPv6 client is its /64: one host holds a whole /64, and would otherwise be 2^64 clients.
    /// </summary>
    public static string ClientOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>An email as one account: trimmed and upper-cased as Identity normalises it.</summary>
    public static string AccountOf(string email) => email.Trim().ToUpperInvariant();

    /// <summary>A wait as Retry-After says it: whole seconds, rounded up, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>429 with Retry-After (whole seconds, at least one) and a problem document saying when to try again.</summary>
    public static IResult TooManyAttempts(TimeSpan retryAfter)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        return new RetryAfterResult(seconds, TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: $"Too many attempts. Try again in {seconds} seconds."));
    }

    /// <summary>
    /// The filter on Identity's endpoints: per-account throttle and per-(account, client) backoff on sign-in; one answer for a
    /// wrong password, an unknown email and a locked account; registration answers the same whether the email is taken or not;
    /// a refresh token is good for one exchange.
    /// </summary>
    public static RouteGroupBuilder ProtectSignIn(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.Arguments.OfType<RefreshRequest>().FirstOrDefault() is { RefreshToken: { Length: > 0 } refreshToken })
                return await RotateAsync(context, next, refreshToken);

            var email = context.Arguments.Select(EmailOf).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
            if (email is null)
                return await next(context);

            var http = context.HttpContext;
            var services = http.RequestServices;
            var account = AccountOf(email);
            var client = ClientOf(http);
            var isLogin = context.Arguments.Any(a => a is LoginRequest);
            var failures = services.GetRequiredService<SignInFailures>();
            if (isLogin && failures.WaitFor(account, client) is { } backoff && backoff > TimeSpan.Zero)
                return TooManyAttempts(backoff);

            // The per-account budget slows a guesser spread over many clients. It never stands in the way of a client
            // that has signed in to the account before (the owner's), and requests that send mail or register
            // count in a budget of their own, so nobody can spend an account's sign-ins by asking for its password reset.
            if (!isLogin || !failures.IsFamiliar(account, client))
            {
                using var lease = services.GetRequiredService<AccountLimiter>().Acquire((isLogin ? "sign-in:" : "mail:") + account);
                if (!lease.IsAcquired)
                    return TooManyAttempts(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
            }

            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (isLogin)
            {
                if (inner is ProblemHttpResult { StatusCode: StatusCodes.Status401Unauthorized } refused && refused.ProblemDetails.Detail != "RequiresTwoFactor")
                {
                    failures.Failed(account, client);
                    return SignInRefused();
                }
                if (inner is EmptyHttpResult)
                    failures.Succeeded(account, client);
                return result;
            }
            if (context.Arguments.Any(a => a is RegisterRequest) && inner is ValidationProblem problem)
                return WithoutTakenEmail(problem);
            return result;
        });
        return group;
    }

    /// <summary>
    /// A refresh token is spent by its exchange; presented again, it revokes its family (see <see cref="RefreshTokenRotation"/>)
    /// and is refused as Identity refuses an expired one. An unreadable or expired token is left to Identity to refuse.
    /// </summary>
    private static async ValueTask<object?> RotateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string refreshToken)
    {
        var services = context.HttpContext.RequestServices;
        // The token is hashed as sent: a spelling the decoder would also read (whitespace, padding) is refused, so a spent
        // token cannot be presented again as "another" one.
        if (!System.Buffers.Text.Base64Url.IsValid(refreshToken) || refreshToken.Any(char.IsWhiteSpace) || refreshToken.Contains('='))
            return TypedResults.Challenge();
        var bearer = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var ticket = bearer.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is { } expires
            && expires > services.GetRequiredService<TimeProvider>().GetUtcNow()
            && Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && !await services.GetRequiredService<RefreshTokenRotation>().SpendAsync(refreshToken, userId, expires, context.HttpContext.RequestAborted))
            return TypedResults.Challenge();
        return await next(context);
    }

    /// <summary>One answer for every failed sign-in: unknown email, wrong password, locked or deactivated account.</summary>
    public static ProblemHttpResult SignInRefused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email or the password is not right.");

    /// <summary>
    /// A registration refused only because the email is taken answers as a successful one: the owner of the address
    /// is the one to learn it (by email, once the product sends any; ADR 0016), not whoever tries the address.
    /// </summary>
    private static IResult WithoutTakenEmail(ValidationProblem problem)
    {
        var errors = problem.ProblemDetails.Errors
            .Where(e => e.Key is not ("DuplicateUserName" or "DuplicateEmail"))
            .ToDictionary(e => e.Key, e => e.Value);
        return errors.Count == 0 ? TypedResults.Ok() : TypedResults.ValidationProblem(errors);
    }

    /// <summary>The email an Identity request names, if any.</summary>
    internal static string? EmailOf(object? argument) => argument switch
    {
        LoginRequest login => login.Email,
        RegisterRequest register => register.Email,
        ForgotPasswordRequest forgot => forgot.Email,
        ResetPasswordRequest reset => reset.Email,
        ResendConfirmationEmailRequest resend => resend.Email,
        _ => null,
    };

    private sealed class RetryAfterResult(int seconds, IResult inner) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status429TooManyRequests;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>A fixed-window budget per key (an account, a client), in memory on this instance.</summary>
public abstract class KeyedBudget(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(string key) => _limiter.AttemptAcquire(key);

    public void Dispose()
    {
        _limiter.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Requests naming one account, from any client (fixed window per normalised email).</summary>
public sealed class AccountLimiter(IOptions<SignInThrottleOptions> options)
    : KeyedBudget(options.Value.AccountPermits, TimeSpan.FromSeconds(options.Value.AccountWindowSeconds));

/// <summary>GraphQL requests of one client that is not signed in (fixed window per client address; ADR 0020).</summary>
public sealed class AnonymousGraphQLLimiter(IOptions<SignInThrottleOptions> options)
    : KeyedBudget(options.Value.AnonymousGraphQLPermits, TimeSpan.FromSeconds(options.Value.ClientWindowSeconds));
