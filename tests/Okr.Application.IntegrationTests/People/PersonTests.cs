using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.People.Commands.ChangePersonRole;
using Okr.Application.People.Commands.PersonActivation;
using Okr.Application.People.Commands.UpdateMyProfile;
using Okr.Application.People.Queries.GetPerson;
using Okr.Domain.Common;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.People;

public sealed class PersonTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_last_admin_cannot_step_down_but_can_once_there_is_another(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (admin, _) = await test.FoundAsync();

        var stepDown = () => test.SendAsync(new ChangePersonRole { Id = admin.PersonId, Role = OrganizationRole.Member });
        (await stepDown.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("person.last_admin");

        var colleague = await test.JoinAsync(admin, "colleague@example.com");
        (await test.SendAsync(new ChangePersonRole { Id = colleague.PersonId, Role = OrganizationRole.Admin })).Role.Should().Be(OrganizationRole.Admin);
        var steppedDown = await test.SendAsync(new ChangePersonRole { Id = admin.PersonId, Role = OrganizationRole.Member });

        steppedDown.Role.Should().Be(OrganizationRole.Member);
        var demote = () => test.SendAsync(new ChangePersonRole { Id = colleague.PersonId, Role = OrganizationRole.Member });
        await demote.Should().ThrowAsync<ForbiddenException>("the former admin is a member now");
        test.ActAs(colleague);
        var lastOne = () => test.SendAsync(new ChangePersonRole { Id = colleague.PersonId, Role = OrganizationRole.Member });
        (await lastOne.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("person.last_admin");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_deactivated_person_loses_access_and_gets_it_back_on_reactivation(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (admin, _) = await test.FoundAsync();
        var colleague = await test.JoinAsync(admin, "colleague@example.com");

        var self = () => test.SendAsync(new DeactivatePerson(admin.PersonId));
        (await self.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("person.cannot_deactivate_self");
        var deactivated = await test.SendAsync(new DeactivatePerson(colleague.PersonId));
        deactivated.IsActive.Should().BeFalse();

        test.ActAs(colleague);
        var read = () => test.SendAsync(new GetPerson(colleague.PersonId));
        await read.Should().ThrowAsync<ForbiddenException>();

        test.ActAs(admin);
        var stale = () => test.SendAsync(new ReactivatePerson(colleague.PersonId, deactivated.Version - 1));
        await stale.Should().ThrowAsync<ConcurrencyException>();
        await test.SendAsync(new ReactivatePerson(colleague.PersonId, deactivated.Version));
        test.ActAs(colleague);
        var renamed = await test.SendAsync(new UpdateMyProfile { DisplayName = "Col League" });
        renamed.DisplayName.Should().Be("Col League");
        (await test.WithDbAsync(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == colleague.PersonId))).DisplayName.Should().Be("Col League");
    }
}
