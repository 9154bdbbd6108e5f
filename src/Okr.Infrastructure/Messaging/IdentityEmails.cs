using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Application.Common.Interfaces;
using Okr.Application.Messaging;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Messaging;

/// <summary>
/// ASP.NET Core Identity's mail (the confirmation link of registration and of a changed address, the password reset
/// code) through the outbox, with links into the SPA's pages: <c>/confirm-email</c> and <c>/reset-password</c>.
/// Identity's endpoints take this from the root services once, so it opens a scope per message.
/// </summary>
public sealed class IdentityEmails(IServiceScopeFactory scopes, IAppLinks links, IClock clock) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        // Identity's link points at its API endpoint (HTML-encoded); the mail sends the person to the SPA, which calls it.
        var query = QueryHelpers.ParseQuery(new Uri(WebUtility.HtmlDecode(confirmationLink)).Query);
        var parameters = new Dictionary<string, string?> { ["userId"] = query["userId"], ["code"] = query["code"] };
        if (query.TryGetValue("changedEmail", out var changedEmail))
            parameters["changedEmail"] = changedEmail;
        var link = links.Spa(QueryHelpers.AddQueryString("/confirm-email", parameters));
        return WriteAsync(user, (organization, now) => Emails.EmailConfirmation(email, organization, link, now));
    }

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        var link = links.Spa(QueryHelpers.AddQueryString("/reset-password", new Dictionary<string, string?> { ["email"] = email, ["code"] = resetCode }));
        return WriteAsync(user, (organization, now) => Emails.PasswordReset(email, organization, link, now));
    }

    // Identity's API endpoints send codes, not links; a link from elsewhere goes out as given.
    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        WriteAsync(user, (organization, now) => Emails.PasswordReset(email, organization, WebUtility.HtmlDecode(resetLink), now));

    private async Task WriteAsync(AppUser user, Func<string?, DateTimeOffset, OutboxMessage> compose)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        // The account's organisation, if it has one, names the mail; the reads look past the tenant filter on purpose.
        var organization = await db.People.IgnoreQueryFilters([OkrDbContext.TenantFilter]).Where(p => p.UserId == user.Id)
            .Join(db.Organizations.IgnoreQueryFilters([OkrDbContext.TenantFilter]), p => p.OrganizationId, o => o.Id, (p, o) => o.Name)
            .FirstOrDefaultAsync();
        db.OutboxMessages.Add(compose(organization, clock.UtcNow));
        await db.SaveChangesAsync();
    }
}

public static class IdentityEmailsRegistration
{
    /// <summary>Replaces Identity's do-nothing sender with <see cref="IdentityEmails"/>.</summary>
    public static IdentityBuilder AddEmailSender(this IdentityBuilder builder)
    {
        builder.Services.AddSingleton<IEmailSender<AppUser>, IdentityEmails>();
        return builder;
    }
}
