using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Organizations.Commands.CreateOrganization;
using Okr.Domain.Organizations;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Organizations;

public sealed class CreateOrganizationTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_signed_up_user_creates_an_organisation_and_becomes_its_admin_and_company_lead(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var userId = await test.SignUpAsync("founder@example.com");

        var created = await test.SendAsync(new CreateOrganization("Globex", "Hank Scorpio"));

        var (organization, person, company) = await test.WithDbAsync(async db => (
            await db.Organizations.IgnoreQueryFilters().SingleAsync(),
            await db.People.IgnoreQueryFilters().SingleAsync(),
            await db.OrgUnits.IgnoreQueryFilters().SingleAsync()));
        organization.Id.Should().Be(created.OrganizationId);
        organization.Name.Should().Be("Globex");
        person.Id.Should().Be(created.PersonId);
        person.UserId.Should().Be(userId);
        person.Role.Should().Be(OrganizationRole.Admin);
        person.DisplayName.Should().Be("Hank Scorpio");
        person.Email.Should().Be("founder@example.com");
        company.Id.Should().Be(created.CompanyUnitId);
        company.Kind.Should().Be(UnitKind.Company);
        company.RoleOf(person.Id).Should().Be(UnitRole.Lead);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Creating_an_organisation_is_audited_in_the_same_transaction(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.SignUpAsync("founder@example.com");

        var created = await test.SendAsync(new CreateOrganization("Globex", null));

        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().ToListAsync());
        audit.Should().OnlyContain(a => a.Action == nameof(CreateOrganization) && a.OrganizationId == created.OrganizationId);
        audit.Select(a => a.EntityType).Should().BeEquivalentTo(["Organization", "Person", "OrgUnit", "UnitMembership"]);
        audit.Should().OnlyContain(a => a.Before == null && a.After != null);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_display_name_defaults_to_the_email_name(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.SignUpAsync("grace.hopper@example.com");

        await test.SendAsync(new CreateOrganization("Navy", " "));

        (await test.WithDbAsync(db => db.People.IgnoreQueryFilters().SingleAsync())).DisplayName.Should().Be("grace.hopper");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_of_an_organisation_cannot_create_a_second_one(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.SignUpAsync("founder@example.com");
        await test.SendAsync(new CreateOrganization("Globex", null));

        var again = () => test.SendAsync(new CreateOrganization("Globex Two", null));

        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("organization.already_member");
        (await test.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync())).Should().Be(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_organisation_without_a_name_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.SignUpAsync("founder@example.com");

        var create = () => test.SendAsync(new CreateOrganization("", null));

        var error = (await create.Should().ThrowAsync<ValidationException>()).Which;
        error.Errors.Should().ContainSingle(e => e.PropertyName == nameof(CreateOrganization.Name));
        (await test.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync())).Should().Be(0);
        (await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().CountAsync())).Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_anonymous_caller_cannot_create_an_organisation(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);

        var create = () => test.SendAsync(new CreateOrganization("Globex", null));

        await create.Should().ThrowAsync<UnauthenticatedException>();
        (await test.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync())).Should().Be(0);
    }
}
