using System.Buffers.Text;
using Microsoft.AspNetCore.Identity.Data;

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
            var email = argument switch
            {
                ForgotPasswordRequest forgot => forgot.Email,
                ResendConfirmationEmailRequest resend => resend.Email,
                ResetPasswordRequest reset => reset.Email,
                LoginRequest signIn => signIn.Email,
                RegisterRequest register => register.Email,
                _ => null,
            };
            if (email is { Length: > MaxEmail })
                errors["email"] = [$"Give an email address of at most {MaxEmail} characters."];
            if (argument is TwoFactorRequest { TwoFactorCode.Length: > 64 })
                errors["twoFactorCode"] = ["An authenticator code is at most 64 characters."];
            if (argument is LoginRequest login && (login.TwoFactorCode is { Length: > 64 } || login.TwoFactorRecoveryCode is { Length: > 64 }))
                errors[login.TwoFactorCode is { Length: > 64 } ? "twoFactorCode" : "twoFactorRecoveryCode"] = ["A code is at most 64 characters."];
            if (argument is ResetPasswordRequest { ResetCode.Length: > MaxCode })
                errors["resetCode"] = ["This reset code is damaged: open the link from the email again."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The request has invalid fields.") : await next(context);
    }
}
