using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Domain.UnitTests;

public class AlignmentTests
{
    private static readonly DateTimeOffset Now = TestData.MidQ3;
    private readonly Period _period = TestData.Q3();

    private Objective NewObjective(bool activate = false)
    {
        var objective = TestData.Draft(_period);
        objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10)), _period);
        if (activate) objective.Activate(_period, Now);
        return objective;
    }

    [Fact]
    public void A_child_aligns_to_a_parent_objective_with_a_kind_and_weight()
    {
        var child = NewObjective();
        var parent = NewObjective();

        var alignment = Alignment.Create(child, parent, null, AlignmentKind.Contributes, 2, [], Now);

        alignment.ChildObjectiveId.Should().Be(child.Id);
        alignment.ParentObjectiveId.Should().Be(parent.Id);
        alignment.ParentKeyResultId.Should().BeNull();
        alignment.Kind.Should().Be(AlignmentKind.Contributes);
        alignment.Weight.Should().Be(2);
        alignment.OrganizationId.Should().Be(TestData.OrgId);
    }

    [Fact]
    public void A_link_to_a_key_result_records_that_key_results_objective_as_parent()
    {
        var child = NewObjective();
        var parent = NewObjective();
        var keyResult = parent.KeyResults[0];

        var alignment = Alignment.Create(child, parent, keyResult, AlignmentKind.Supports, 1, [], Now);

        alignment.ParentObjectiveId.Should().Be(parent.Id);
        alignment.ParentKeyResultId.Should().Be(keyResult.Id);
    }

    [Fact]
    public void Several_parents_are_allowed()
    {
        var child = NewObjective();
        var first = NewObjective();
        var second = NewObjective();

        var alignment = Alignment.Create(child, second, null, AlignmentKind.Contributes, 1, [(child.Id, first.Id)], Now);

        alignment.ParentObjectiveId.Should().Be(second.Id);
    }

    [Fact]
    public void Aligning_an_objective_to_itself_is_refused()
    {
        var objective = NewObjective();

        var act = () => { _ = Alignment.Create(objective, objective, null, AlignmentKind.Contributes, 1, [], Now); };

        act.ShouldBeRefusedWith("alignment.cycle");
    }

    [Fact]
    public void Aligning_to_the_same_parent_twice_is_refused()
    {
        var child = NewObjective();
        var parent = NewObjective();

        var act = () => { _ = Alignment.Create(child, parent, null, AlignmentKind.Supports, 1, [(child.Id, parent.Id)], Now); };

        act.ShouldBeRefusedWith("alignment.duplicate");
    }

    [Fact]
    public void Aligning_to_a_key_result_of_an_objective_already_aligned_to_is_a_duplicate()
    {
        // Edges are (child, parent objective): a second link into the same objective, through any of its
        // key results, would count the child twice in that objective's progress.
        var child = NewObjective();
        var parent = NewObjective();
        var first = Alignment.Create(child, parent, parent.KeyResults[0], AlignmentKind.Contributes, 1, [], Now);

        var act = () => { _ = Alignment.Create(child, parent, null, AlignmentKind.Contributes, 1, [(first.ChildObjectiveId, first.ParentObjectiveId)], Now); };

        act.ShouldBeRefusedWith("alignment.duplicate");
    }

    [Fact]
    public void A_direct_cycle_is_refused()
    {
        var a = NewObjective();
        var b = NewObjective();

        var act = () => { _ = Alignment.Create(b, a, null, AlignmentKind.Contributes, 1, [(a.Id, b.Id)], Now); };

        act.ShouldBeRefusedWith("alignment.cycle");
    }

    [Fact]
    public void A_cycle_through_a_key_results_objective_is_refused()
    {
        var a = NewObjective();
        var b = NewObjective();
        var c = NewObjective();
        var ab = Alignment.Create(a, b, b.KeyResults[0], AlignmentKind.Contributes, 1, [], Now);
        var bc = Alignment.Create(b, c, c.KeyResults[0], AlignmentKind.Contributes, 1, [(ab.ChildObjectiveId, ab.ParentObjectiveId)], Now);
        (Guid, Guid)[] existing = [(ab.ChildObjectiveId, ab.ParentObjectiveId), (bc.ChildObjectiveId, bc.ParentObjectiveId)];

        var act = () => { _ = Alignment.Create(c, a, a.KeyResults[0], AlignmentKind.Supports, 1, existing, Now); };

        act.ShouldBeRefusedWith("alignment.cycle");
    }

    [Fact]
    public void A_key_result_of_another_objective_is_refused()
    {
        var child = NewObjective();
        var parent = NewObjective();
        var other = NewObjective();

        var act = () => { _ = Alignment.Create(child, parent, other.KeyResults[0], AlignmentKind.Contributes, 1, [], Now); };

        act.ShouldBeRefusedWith("alignment.key_result_mismatch");
    }

    [Fact]
    public void A_deleted_key_result_cannot_be_aligned_to()
    {
        var child = NewObjective();
        var parent = NewObjective();
        var keyResult = parent.KeyResults[0];
        keyResult.Delete(parent, _period);

        var act = () => { _ = Alignment.Create(child, parent, keyResult, AlignmentKind.Contributes, 1, [], Now); };

        act.ShouldBeRefusedWith("key_result.deleted");
    }

    [Fact]
    public void A_closed_child_cannot_be_aligned()
    {
        var child = NewObjective(activate: true);
        child.Close(0.5, Now);

        var act = () => { _ = Alignment.Create(child, NewObjective(), null, AlignmentKind.Contributes, 1, [], Now); };

        act.ShouldBeRefusedWith("objective.read_only");
    }

    [Fact]
    public void A_cancelled_parent_cannot_be_aligned_to()
    {
        var parent = NewObjective();
        parent.Cancel(Now);

        var act = () => { _ = Alignment.Create(NewObjective(), parent, null, AlignmentKind.Contributes, 1, [], Now); };

        act.ShouldBeRefusedWith("alignment.parent_cancelled");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1000, true)]
    [InlineData(1000.01, false)]
    public void The_alignment_weight_lies_between_zero_and_a_thousand(double weight, bool accepted)
    {
        var alignment = Alignment.Create(NewObjective(), NewObjective(), null, AlignmentKind.Supports, 1, [], Now);

        var act = () => alignment.Change(AlignmentKind.Contributes, (decimal)weight);

        if (accepted)
        {
            act();
            alignment.Weight.Should().Be((decimal)weight);
            alignment.Kind.Should().Be(AlignmentKind.Contributes);
        }
        else
        {
            act.ShouldBeRefusedWith("alignment.weight_out_of_range");
            alignment.Weight.Should().Be(1);
        }
    }

    [Fact]
    public void A_closed_objective_cannot_gain_contributors()
    {
        var child = NewObjective();
        var parent = NewObjective(activate: true);
        parent.Close(0.5, Now);

        var align = () => { Alignment.Create(child, parent, null, AlignmentKind.Contributes, 1, [], Now); };

        align.ShouldBeRefusedWith("alignment.parent_closed");
    }

    [Fact]
    public void A_closed_childs_alignments_cannot_be_removed_but_an_open_childs_can()
    {
        var open = NewObjective(activate: true);
        var closed = NewObjective(activate: true);
        closed.Close(0.8, Now);

        Alignment.EnsureRemovable(open);
        var remove = () => Alignment.EnsureRemovable(closed);

        remove.ShouldBeRefusedWith("objective.read_only");
    }
}
