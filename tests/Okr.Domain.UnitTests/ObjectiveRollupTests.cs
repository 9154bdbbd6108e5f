using Okr.Domain.Computations;

namespace Okr.Domain.UnitTests;

public class ObjectiveRollupTests
{
    private static readonly Guid Parent = Guid.CreateVersion7();
    private static readonly Guid Child = Guid.CreateVersion7();
    private static readonly Guid Grandchild = Guid.CreateVersion7();

    private static RollupKeyResult Kr(Guid objective, double progress, decimal weight = 1) => new(Guid.CreateVersion7(), objective, weight, progress);

    private static RollupAlignment Contributes(Guid child, Guid parent, decimal weight = 1) => new(child, parent, true, weight);

    [Fact]
    public void An_objective_is_the_weighted_mean_of_its_key_results()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.5), Kr(Parent, 1.0, weight: 3)], []);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.875, 1e-9);
    }

    [Fact]
    public void An_objective_without_items_has_zero_progress()
    {
        new ObjectiveRollup([Kr(Child, 1)], []).ProgressOf(Parent).Should().Be(0);
    }

    [Fact]
    public void An_objective_whose_items_all_weigh_zero_has_zero_progress()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.6, weight: 0), Kr(Child, 1)], [Contributes(Child, Parent, weight: 0)]);

        rollup.ProgressOf(Parent).Should().Be(0);
    }

    [Fact]
    public void A_contributing_child_counts_as_one_more_weighted_item()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.8), Kr(Child, 0.2)], [Contributes(Child, Parent)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void A_contributing_child_counts_with_its_alignment_weight()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.8), Kr(Child, 0.2)], [Contributes(Child, Parent, weight: 2)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.4, 1e-9);
    }

    [Theory]
    [InlineData(0.9, 0.85)] // overridden up: (0.8 + 0.9) / 2
    [InlineData(0.1, 0.45)] // graded down
    public void A_settled_child_counts_with_its_final_grade_while_its_own_progress_stays_measured(double finalGrade, double parentProgress)
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.8), Kr(Child, 0.2), Kr(Grandchild, 1.0)],
            [Contributes(Child, Parent), Contributes(Grandchild, Child)], settled: new Dictionary<Guid, double> { [Child] = finalGrade });

        rollup.ProgressOf(Parent).Should().BeApproximately(parentProgress, 1e-9);
        rollup.ProgressOf(Child).Should().BeApproximately(0.6, 1e-9, "(0.2 + 1.0) / 2, as measured");
    }

    [Fact]
    public void A_supporting_child_is_not_counted()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 0.8), Kr(Child, 0.2)], [new RollupAlignment(Child, Parent, false, 1)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public void A_child_aligned_to_a_key_result_counts_in_the_parent_objective_beside_that_key_result()
    {
        // The link to key result k1 is given with k1's objective as parent. k1 keeps its own 0.0:
        // (0.0 + 0.6 + 0.9) / 3 = 0.5 — not 0.525 (k1 averaged with the child) nor 0.75 (k1 replaced).
        var k1 = Kr(Parent, 0.0);
        var rollup = new ObjectiveRollup([k1, Kr(Parent, 0.6), Kr(Child, 0.9)], [Contributes(Child, Parent)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.5, 1e-9);
        k1.Progress.Should().Be(0.0);
    }

    [Fact]
    public void A_contributing_child_without_items_counts_as_zero()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 1.0)], [Contributes(Child, Parent)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void Contributions_roll_up_through_several_levels()
    {
        // Grandchild 1.0 → child (0.5 + 1.0) / 2 = 0.75 → parent (0.25 + 0.75) / 2 = 0.5.
        var rollup = new ObjectiveRollup(
            [Kr(Parent, 0.25), Kr(Child, 0.5), Kr(Grandchild, 1.0)],
            [Contributes(Grandchild, Child), Contributes(Child, Parent)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.5, 1e-9);
        rollup.ProgressOf(Child).Should().BeApproximately(0.75, 1e-9);
    }

    [Fact]
    public void A_child_contributes_fully_to_each_of_several_parents()
    {
        var otherParent = Guid.CreateVersion7();
        var rollup = new ObjectiveRollup(
            [Kr(Parent, 0.0), Kr(otherParent, 1.0), Kr(Child, 0.6)],
            [Contributes(Child, Parent), Contributes(Child, otherParent)]);

        rollup.ProgressOf(Parent).Should().BeApproximately(0.3, 1e-9);
        rollup.ProgressOf(otherParent).Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public void A_corrupt_cycle_does_not_loop_forever()
    {
        var rollup = new ObjectiveRollup([Kr(Parent, 1.0), Kr(Child, 0.0)], [Contributes(Child, Parent), Contributes(Parent, Child)]);

        rollup.ProgressOf(Parent).Should().BeInRange(0, 1);
    }
}
