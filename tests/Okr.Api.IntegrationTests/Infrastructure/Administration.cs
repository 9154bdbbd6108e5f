using System.Net.Http.Headers;
using System.Net.Http.Json;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Organizations.Commands.CreateOrganization;
using Okr.Application.People.Dtos;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>An organisation of the test's own, for changes the shared demo organisation must not see.</summary>
public sealed record OwnOrganization(HttpClient Admin, Guid OrganizationId, Guid AdminPersonId, Guid CompanyUnitId) : IDisposable
{
    public void Dispose() => Admin.Dispose();
}

public static class Administration
{
    /// <summary>A new user creates an organisation and is its admin (and the lead of its company unit).</summary>
    public static async Task<OwnOrganization> NewOrganizationAsync(this OkrApiFactory host, string name = "Globex")
    {
        var admin = await host.NewUserAsync();
        var created = await (await admin.PostAsJsonAsync("/api/organizations", new { name })).ReadAsync<OrganizationCreated>();
        return new OwnOrganization(admin, created.OrganizationId, created.PersonId, created.CompanyUnitId);
    }

    /// <summary>The organisation's admin invites a new user, who registers and accepts.</summary>
    public static async Task<(HttpClient Client, Guid PersonId)> JoinAsync(this OkrApiFactory host, OwnOrganization organization, string role = "Member")
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var invitation = await (await organization.Admin.PostAsJsonAsync("/api/invitations", new { email, role })).ReadAsync<InvitationCreated>();
        var client = await host.NewUserAsync(email);
        var person = await (await client.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token })).ReadAsync<PersonDto>();
        return (client, person.Id);
    }

    /// <summary>Sends a request with a JSON body (when given) and an If-Match header (when given).</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (ifMatch is { } version)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return client.SendAsync(request);
    }

    /// <summary>The version in the response's ETag.</summary>
    public static long ETagVersion(this HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag?.Tag.Trim('"') ?? throw new InvalidOperationException("The response has no ETag."), System.Globalization.CultureInfo.InvariantCulture);
}
