using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Application.OrgUnits.Commands.AddUnitMember;
using Okr.Application.OrgUnits.Commands.CreateOrgUnit;
using Okr.Application.OrgUnits.Commands.DeleteOrgUnit;
using Okr.Application.OrgUnits.Commands.MoveOrgUnit;
using Okr.Application.OrgUnits.Commands.RemoveUnitMember;
using Okr.Application.OrgUnits.Dtos;
using Okr.Application.Periods.Commands.CreatePeriod;
using Okr.Domain.Common;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.OrgUnits;

/// <summary>Globex: company → Product (led by Lee) → Engineering → Platform; company → Sales.</summary>
public sealed class OrgUnitTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private sealed record Tree(Caller Admin, Caller Lead, Guid Company, OrgUnitDto Product, OrgUnitDto Engineering, OrgUnitDto Platform, OrgUnitDto Sales);

    private static async Task<Tree> ArrangeAsync(TestScope test)
    {
        var (admin, organization) = await test.FoundAsync();
        var lead = await test.JoinAsync(admin, "lee@example.com");
        var product = await test.SendAsync(new CreateOrgUnit { ParentId = organization.CompanyUnitId, Name = "Product", Kind = UnitKind.Department });
        var sales = await test.SendAsync(new CreateOrgUnit { ParentId = organization.CompanyUnitId, Name = "Sales", Kind = UnitKind.Department });
        await test.SendAsync(new AddUnitMember { UnitId = product.Id, PersonId = lead.PersonId, Role = UnitRole.Lead });
        test.ActAs(lead);
        var engineering = await test.SendAsync(new CreateOrgUnit { ParentId = product.Id, Name = "Engineering", Kind = UnitKind.Department });
        var platform = await test.SendAsync(new CreateOrgUnit { ParentId = engineering.Id, Name = "Platform", Kind = UnitKind.Team });
        return new Tree(admin, lead, organization.CompanyUnitId, product, engineering, platform, sales);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_unit_is_deleted_only_when_empty_and_the_refusal_says_what_is_left(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var tree = await ArrangeAsync(test);
        test.ActAs(tree.Admin);
        var quarter = await test.SendAsync(new CreatePeriod { Name = "Q4 2026", Kind = PeriodKind.Quarter, Start = new(2026, 10, 1), End = new(2026, 12, 31) });
        var objective = await test.SendAsync(new CreateObjective { PeriodId = quarter.Id, OwningUnitId = tree.Company, Title = "Ship less, learn more" });
        await test.SendAsync(new CreateKeyResult { ObjectiveId = objective.Id, OwningUnitId = tree.Engineering.Id, Title = "Lead time falls", Target = 5, Baseline = 10,
            Direction = Domain.KeyResults.Direction.Decrease });
        await test.SendAsync(new AddUnitMember { UnitId = tree.Engineering.Id, PersonId = tree.Admin.PersonId });

        var delete = () => test.SendAsync(new DeleteOrgUnit(tree.Engineering.Id));

        var refusal = (await delete.Should().ThrowAsync<ConflictException>()).Which;
        refusal.Code.Should().Be("unit.not_empty");
        refusal.Message.Should().Be("'Engineering' is not empty: it still has 1 sub-unit, 1 key result and 1 member. Move or remove them first.");

        test.ActAs(tree.Lead);
        await test.SendAsync(new DeleteOrgUnit(tree.Platform.Id));
        (await test.WithDbAsync(db => db.OrgUnits.IgnoreQueryFilters().AnyAsync(u => u.Id == tree.Platform.Id))).Should().BeFalse();
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().SingleAsync(a => a.Action == nameof(DeleteOrgUnit)));
        (audit.EntityId, audit.After).Should().Be((tree.Platform.Id, null));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_needs_a_lead_above_the_unit_and_the_company_is_never_deleted(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var tree = await ArrangeAsync(test);
        test.ActAs(tree.Admin);
        var sam = await test.JoinAsync(tree.Admin, "sam@example.com");
        await test.SendAsync(new AddUnitMember { UnitId = tree.Platform.Id, PersonId = sam.PersonId, Role = UnitRole.Lead });

        test.ActAs(sam);
        var ownUnit = () => test.SendAsync(new DeleteOrgUnit(tree.Platform.Id));
        await ownUnit.Should().ThrowAsync<ForbiddenException>("a unit's own lead cannot delete it");
        test.ActAs(tree.Lead);
        var outside = () => test.SendAsync(new DeleteOrgUnit(tree.Sales.Id));
        await outside.Should().ThrowAsync<ForbiddenException>();
        test.ActAs(tree.Admin);
        var company = () => test.SendAsync(new DeleteOrgUnit(tree.Company));
        (await company.Should().ThrowAsync<Domain.Common.DomainRuleException>()).Which.Code.Should().Be("unit.company_cannot_delete");
        await test.SendAsync(new RemoveUnitMember(tree.Platform.Id, sam.PersonId));
        test.ActAs(tree.Lead);
        await test.SendAsync(new DeleteOrgUnit(tree.Platform.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_unit_cannot_move_under_itself_or_its_own_descendants(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var tree = await ArrangeAsync(test);
        test.ActAs(tree.Admin);

        var underDescendant = () => test.SendAsync(new MoveOrgUnit { Id = tree.Product.Id, ParentId = tree.Platform.Id });
        var underItself = () => test.SendAsync(new MoveOrgUnit { Id = tree.Product.Id, ParentId = tree.Product.Id });

        (await underDescendant.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("unit.cycle");
        (await underItself.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("unit.cycle");
        var moved = await test.SendAsync(new MoveOrgUnit { Id = tree.Platform.Id, ParentId = tree.Product.Id, ExpectedVersion = tree.Platform.Version });
        moved.ParentId.Should().Be(tree.Product.Id);
        moved.Version.Should().Be(tree.Platform.Version + 1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lead_moves_units_within_their_subtree_only(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var tree = await ArrangeAsync(test);
        test.ActAs(tree.Lead);

        var ownUnit = () => test.SendAsync(new MoveOrgUnit { Id = tree.Product.Id, ParentId = tree.Sales.Id });
        var outOfSubtree = () => test.SendAsync(new MoveOrgUnit { Id = tree.Platform.Id, ParentId = tree.Sales.Id });
        var moved = await test.SendAsync(new MoveOrgUnit { Id = tree.Platform.Id, ParentId = tree.Product.Id });

        await ownUnit.Should().ThrowAsync<ForbiddenException>("the lead of Product has no lead above Product");
        await outOfSubtree.Should().ThrowAsync<ForbiddenException>("Sales is not the lead's");
        moved.ParentId.Should().Be(tree.Product.Id);
    }
}
