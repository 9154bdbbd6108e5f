using System.Buffers.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity.Data;
using Okr.Api.Errors;

namespace Okr.Api.Security;

/// <summary>
/// Identity's endpoints read some input without checking it: a confirmation link with a user id that is not an id or a
/// code that is not base64url answered 500, and an email of 100,000 characters reached the database. Refused here as
/// a 400 naming the field, before Identity runs (ADR 0017's rule, applied to the endpoints we do not own).
/// </summary>
internal static class IdentityInput
{
    /// <summary>As long as the column that keeps an email.</summary>
    private const int MaxEmail = 256;
    private const int MaxCode = 4096;
    private const int MaxPassword = 256;

    /// <summary>The boolean switches of sign-in, read from the query string before Identity binds them (a bad one was a 400 without errors).</summary>
    private static readonly string[] Switches = ["useCookies", "useSessionCookies"];
    private static readonly string[] GiveABoolean = ["Give true or false."];

    /// <summary>Refuses a sign-in whose cookie switches are not booleans with a 400 naming them (binding fails before filters run).</summary>
    public static IApplicationBuilder UseIdentityQueryCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api/auth/login", StringComparison.OrdinalIgnoreCase))
            {
                var errors = Switches
                    .Where(name => request.Query.TryGetValue(name, out var value) && !bool.TryParse(value.ToString(), out _))
                    .ToDictionary(name => name, _ => GiveABoolean);
                if (errors.Count > 0)
                {
                    await TypedResults.ValidationProblem(errors, title: InvalidFields).ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });

    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = context.HttpContext.Request;
        if (request.Path.Value?.EndsWith("/confirmEmail", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (!Guid.TryParse(request.Query["userId"].ToString(), out _))
                errors["userId"] = ["This confirmation link is incomplete or damaged: open the link from the email again."];
            var code = request.Query["code"].ToString();
            if (code.Length is 0 or > MaxCode || !Base64Url.IsValid(code))
                errors["code"] = ["This confirmation link is incomplete or damaged: open the link from the email again."];
            if (request.Query.TryGetValue("changedEmail", out var changed) && (changed.ToString().Length is 0 or > MaxEmail))
                errors["changedEmail"] = [$"Give an email address of at most {MaxEmail} characters."];
        }

        foreach (var argument in context.Arguments)
        {
            if (SignInProtection.EmailOf(argument) is { Length: > MaxEmail })
                errors["email"] = [$"Give an email address of at most {MaxEmail} characters."];
            var password = argument switch
            {
                LoginRequest signIn => signIn.Password,
                RegisterRequest register => register.Password,
                ResetPasswordRequest reset => reset.NewPassword,
                _ => null,
            };
            // A passphrase is welcome; a password of a megabyte is a way to make the hasher work for a stranger.
            if (password is { Length: > MaxPassword })
                errors[argument is ResetPasswordRequest ? "newPassword" : "password"] = [$"A password is at most {MaxPassword} characters."];
            if (argument is TwoFactorRequest { TwoFactorCode.Length: > 64 })
                errors["twoFactorCode"] = ["An authenticator code is at most 64 characters."];
            if (argument is LoginRequest login && (login.TwoFactorCode is { Length: > 64 } || login.TwoFactorRecoveryCode is { Length: > 64 }))
                errors[login.TwoFactorCode is { Length: > 64 } ? "twoFactorCode" : "twoFactorRecoveryCode"] = ["A code is at most 64 characters."];
            if (argument is ResetPasswordRequest { ResetCode.Length: > MaxCode })
                errors["resetCode"] = ["This reset code is damaged: open the link from the email again."];
        }

        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: InvalidFields);
        return ByField(await next(context), context.Arguments.FirstOrDefault(a => a is RegisterRequest or ResetPasswordRequest or InfoRequest or TwoFactorRequest));
    }

    /// <summary>
    /// Identity keys its validation problems by its error codes (<c>PasswordTooShort</c>, <c>InvalidToken</c>); the API
    /// keys them by the field of the request they are about, as every other 400 (ADR 0017, ADR 0020), with Identity's
    /// messages. A code that is about no one field is about the body.
    /// </summary>
    private static object? ByField(object? result, object? request)
    {
        if ((result is INestedHttpResult nested ? nested.Result : result) is not ValidationProblem problem)
            return result;
        var errors = problem.ProblemDetails.Errors
            .GroupBy(e => FieldOf(e.Key, request), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, title: InvalidFields);
    }

    private static string FieldOf(string code, object? request) => code switch
    {
        "InvalidTwoFactorCode" => "twoFactorCode",
        "InvalidToken" when request is ResetPasswordRequest => "resetCode",
        "PasswordMismatch" or "OldPasswordRequired" => "oldPassword",
        _ when code.StartsWith("Password", StringComparison.Ordinal) => request is RegisterRequest ? "password" : "newPassword",
        "InvalidEmail" or "InvalidUserName" or "DuplicateEmail" or "DuplicateUserName" => request is InfoRequest ? "newEmail" : "email",
        _ => ErrorMapping.Body,
    };

    private const string InvalidFields = "The request has invalid fields.";
}
