using Okr.Domain.Units;

namespace Okr.Domain.UnitTests;

public class UnitTests
{
    private readonly OrgUnit _company = OrgUnit.CreateCompany(TestData.OrgId, "Acme");

    [Fact]
    public void A_second_company_unit_cannot_be_created_below_the_root()
    {
        var act = () => { _ = OrgUnit.CreateChild(_company, "Acme Europe", UnitKind.Company); };

        act.ShouldBeRefusedWith("unit.second_company");
    }

    [Theory]
    [InlineData(UnitKind.Team, UnitKind.Company)]
    [InlineData(UnitKind.Company, UnitKind.Division)]
    public void Only_the_root_is_the_company(UnitKind kind, UnitKind newKind)
    {
        var unit = kind == UnitKind.Company ? _company : OrgUnit.CreateChild(_company, "Support", kind);

        var act = () => unit.ChangeKind(newKind);

        act.ShouldBeRefusedWith("unit.second_company");
    }

    [Fact]
    public void A_unit_moves_under_another_parent()
    {
        var sales = OrgUnit.CreateChild(_company, "Global Sales", UnitKind.Department);
        var marketing = OrgUnit.CreateChild(_company, "Marketing", UnitKind.Department);
        var customerMarketing = OrgUnit.CreateChild(marketing, "Customer Marketing", UnitKind.Team);

        customerMarketing.MoveTo(sales, [_company.Id]);

        customerMarketing.ParentId.Should().Be(sales.Id);
    }

    [Fact]
    public void The_company_cannot_move()
    {
        var sales = OrgUnit.CreateChild(_company, "Global Sales", UnitKind.Department);

        var act = () => _company.MoveTo(sales, [_company.Id]);

        act.ShouldBeRefusedWith("unit.company_cannot_move");
    }

    [Fact]
    public void A_unit_cannot_move_under_itself()
    {
        var sales = OrgUnit.CreateChild(_company, "Global Sales", UnitKind.Department);

        var act = () => sales.MoveTo(sales, [_company.Id]);

        act.ShouldBeRefusedWith("unit.cycle");
    }

    [Fact]
    public void A_unit_cannot_move_under_one_of_its_descendants()
    {
        var sales = OrgUnit.CreateChild(_company, "Global Sales", UnitKind.Department);
        var usSales = OrgUnit.CreateChild(sales, "US Sales", UnitKind.Team);
        var east = OrgUnit.CreateChild(usSales, "US East", UnitKind.Team);

        var act = () => sales.MoveTo(east, [usSales.Id, sales.Id, _company.Id]);

        act.ShouldBeRefusedWith("unit.cycle");
        sales.ParentId.Should().Be(_company.Id);
    }

    [Fact]
    public void The_company_cannot_be_deleted_but_other_units_can()
    {
        var sales = OrgUnit.CreateChild(_company, "Global Sales", UnitKind.Department);

        ((Action)_company.EnsureDeletable).ShouldBeRefusedWith("unit.company_cannot_delete");
        ((Action)sales.EnsureDeletable).Should().NotThrow();
    }

    [Fact]
    public void A_person_is_a_member_of_a_unit_once()
    {
        var team = OrgUnit.CreateChild(_company, "Support", UnitKind.Team);
        team.AddMember(TestData.PersonId, UnitRole.Lead);

        ((Action)(() => team.AddMember(TestData.PersonId, UnitRole.Member))).ShouldBeRefusedWith("unit.already_member");
        ((Action)(() => team.RemoveMember(Guid.CreateVersion7()))).ShouldBeRefusedWith("unit.not_member");
        team.RoleOf(TestData.PersonId).Should().Be(UnitRole.Lead);
        team.RoleOf(Guid.CreateVersion7()).Should().BeNull();
    }
}

public class OrgTreeTests
{
    //        company
    //       /       \
    //   sales      marketing
    //     |            |
    //  usSales   customerMarketing
    private static readonly Guid Company = Guid.CreateVersion7();
    private static readonly Guid Sales = Guid.CreateVersion7();
    private static readonly Guid Marketing = Guid.CreateVersion7();
    private static readonly Guid UsSales = Guid.CreateVersion7();
    private static readonly Guid CustomerMarketing = Guid.CreateVersion7();

    private static readonly OrgTree Tree = new([
        (Company, null), (Sales, Company), (Marketing, Company), (UsSales, Sales), (CustomerMarketing, Marketing),
    ]);

    [Fact]
    public void Ancestors_run_from_the_parent_up_to_the_root()
    {
        Tree.AncestorsOf(UsSales).Should().Equal(Sales, Company);
        Tree.AncestorsOf(Company).Should().BeEmpty();
    }

    [Fact]
    public void A_subtree_holds_the_unit_and_everything_below_it_breadth_first()
    {
        Tree.SubtreeOf(Company).Should().HaveCount(5).And.StartWith(Company);
        Tree.SubtreeOf(Company).Take(3).Should().BeEquivalentTo([Company, Sales, Marketing]);
        Tree.SubtreeOf(Sales).Should().Equal(Sales, UsSales);
        Tree.SubtreeOf(CustomerMarketing).Should().Equal(CustomerMarketing);
    }

    [Fact]
    public void A_unit_is_in_its_own_subtree_and_in_its_ancestors_subtrees_only()
    {
        Tree.IsInSubtree(UsSales, UsSales).Should().BeTrue();
        Tree.IsInSubtree(UsSales, Company).Should().BeTrue();
        Tree.IsInSubtree(UsSales, Marketing).Should().BeFalse();
        Tree.IsInSubtree(Sales, UsSales).Should().BeFalse();
    }

    [Fact]
    public void A_corrupt_cycle_does_not_loop_forever()
    {
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();
        var corrupt = new OrgTree([(a, b), (b, a)]);

        corrupt.AncestorsOf(a).Should().Equal(b);
        corrupt.SubtreeOf(a).Should().BeEquivalentTo([a, b]);
    }
}
