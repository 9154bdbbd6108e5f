using Okr.Domain.Objectives;

namespace Okr.Domain.UnitTests;

/// <summary>The one walk over alignments: ancestors, descendants, the cycle check, children-first order and layers.</summary>
public class AlignmentGraphTests
{
    private static readonly Dictionary<char, Guid> Nodes = "ABCDEFG".ToDictionary(c => c, _ => Guid.CreateVersion7());

    /// <summary>"A>B,B>C": A aligns to B, B to C.</summary>
    private static AlignmentGraph Graph(string edges) =>
        new(edges.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => (Nodes[e[0]], Nodes[e[2]])));

    private static string Names(IEnumerable<Guid> ids) =>
        string.Concat(ids.Select(id => Nodes.Single(n => n.Value == id).Key).Order());

    private static string InOrder(IEnumerable<Guid> ids) => string.Concat(ids.Select(id => Nodes.Single(n => n.Value == id).Key));

    [Theory]
    [InlineData("", 'A', "")]
    [InlineData("A>B", 'A', "B")]
    [InlineData("A>B,B>C,C>D", 'A', "BCD")]
    [InlineData("A>B,A>C,C>D,B>D", 'A', "BCD")]
    [InlineData("A>B,B>C", 'B', "C")]
    [InlineData("A>B,C>B", 'A', "B")]
    [InlineData("A>B,B>A", 'A', "AB")]
    public void Ancestors_are_everything_above_transitively(string edges, char from, string expected)
    {
        Names(Graph(edges).AncestorsOf([Nodes[from]])).Should().Be(expected);
    }

    [Theory]
    [InlineData("", 'A', "")]
    [InlineData("A>B", 'B', "A")]
    [InlineData("A>B,B>C,C>D", 'D', "ABC")]
    [InlineData("A>C,B>C,D>A", 'C', "ABD")]
    [InlineData("A>B,B>C", 'B', "A")]
    [InlineData("A>B,B>A", 'B', "AB")]
    public void Descendants_are_everything_below_transitively(string edges, char from, string expected)
    {
        Names(Graph(edges).DescendantsOf([Nodes[from]])).Should().Be(expected);
    }

    [Fact]
    public void A_walk_up_enters_only_what_it_may_and_stops_above_what_does_not_pass_on()
    {
        // A > B > C > D, and A > E > F: E may not be entered, C is entered but passes nothing on.
        var graph = Graph("A>B,B>C,C>D,A>E,E>F");

        var reached = graph.AncestorsOf([Nodes['A']], reaches: id => id != Nodes['E'], passesOn: id => id != Nodes['C']);

        Names(reached).Should().Be("BC");
    }

    [Theory]
    [InlineData("", 'A', 'A', true)]
    [InlineData("", 'A', 'B', false)]
    [InlineData("A>B", 'B', 'A', true)]
    [InlineData("A>B,B>C", 'C', 'A', true)]
    [InlineData("A>B,B>C,C>D", 'D', 'A', true)]
    [InlineData("A>B,A>C,C>D", 'D', 'A', true)]
    [InlineData("A>B,B>C", 'A', 'C', false)]
    [InlineData("A>B,C>B", 'A', 'C', false)]
    [InlineData("A>B,B>C,D>C", 'D', 'A', false)]
    [InlineData("A>B,B>A", 'C', 'A', false)]
    public void A_link_from_an_ancestor_down_is_a_cycle(string edges, char child, char parent, bool expected)
    {
        Graph(edges).WouldCreateCycle(Nodes[child], Nodes[parent]).Should().Be(expected);
    }

    [Fact]
    public void Children_come_before_their_parents_among_the_given_objectives()
    {
        // D > C > B > A, and E > A; F is not among them, so the edge through it does not order anything.
        var graph = Graph("D>C,C>B,B>A,E>A,G>F,F>D");
        var ordered = InOrder(graph.ChildrenFirst("ABCDEG".Select(c => Nodes[c])));

        ordered.Should().HaveLength(6);
        foreach (var (child, parent) in new[] { ('D', 'C'), ('C', 'B'), ('B', 'A'), ('E', 'A') })
            ordered.IndexOf(child, StringComparison.Ordinal).Should().BeLessThan(ordered.IndexOf(parent, StringComparison.Ordinal), $"{child} is below {parent}");
    }

    [Fact]
    public void Children_first_order_ends_on_a_cycle()
    {
        Names(Graph("A>B,B>A").ChildrenFirst([Nodes['A'], Nodes['B']])).Should().Be("AB");
    }

    [Fact]
    public void A_level_is_the_longest_chain_of_parents_above()
    {
        // A > B > C and A > C: A is two below C, not one.
        var levels = Graph("A>B,B>C,A>C,D>C").Levels("ABCD".Select(c => Nodes[c]));

        "ABCD".Select(c => levels[Nodes[c]]).Should().Equal(2, 1, 0, 1);
    }

    [Fact]
    public void Levels_end_on_a_cycle()
    {
        var levels = Graph("A>B,B>A").Levels([Nodes['A'], Nodes['B']]);

        levels.Should().HaveCount(2);
    }

    [Fact]
    public async Task Loading_asks_a_level_at_a_time_never_twice_for_an_objective_nor_for_a_known_one()
    {
        // Stored: D > C > B > A, E > B, and F > A; loading downwards from B, with A known.
        var stored = Graph("D>C,C>B,B>A,E>B,F>A,C>A");
        var asked = new List<string>();

        var loaded = await AlignmentGraph.LoadAsync([Nodes['B']], upwards: false, frontier =>
        {
            asked.Add(Names(frontier));
            return Task.FromResult(frontier.SelectMany(p => stored.ChildrenOf(p).Select(c => (c, p))));
        }, known: [Nodes['A']]);

        asked.Should().Equal("B", "CE", "D");
        Names(loaded.DescendantsOf([Nodes['B']])).Should().Be("CDE");
    }
}
