using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Okr.Api.GraphQL.Execution;

/// <summary>Why a document is refused before GraphQL.NET validates or runs it: a stable code and a message saying what to change.</summary>
public sealed record DocumentRefusal(string Code, string Message);

/// <summary>
/// Refuses abusive GraphQL documents before anything costly looks at them (ADR 0015). GraphQL.NET's validation and
/// complexity analysis expand fragments without memoising and compare same-named fields pairwise, so a 1.6 KB document
/// whose fragments spread each other twice, or thousands of duplicate fields, kept a core busy for seconds to forever.
/// Every check here is linear in the size of the document: the text is bounded first (length, tokens), then the parse
/// (nesting), then the shape, with the cost of each fragment computed once and reused wherever it is spread, so a
/// fragment spread 2^40 times is measured, and refused, in microseconds.
/// </summary>
public sealed class DocumentGuard(GraphQLLimits limits)
{
    /// <summary>Introspection fields that list types' members: nesting them multiplies the answer by the schema's size each time.</summary>
    private static readonly HashSet<string> IntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];

    /// <summary>
    /// Nesting of <see cref="IntrospectionLists"/> allowed (graphql-js's MaxIntrospectionDepthRule allows the same): the
    /// standard introspection query needs 1, <c>fields { type { fields } }</c> is 2. No type of our schema has a field of
    /// these names, so counting them everywhere counts them only under <c>__schema</c> and <c>__type</c>.
    /// </summary>
    public const int MaxIntrospectionListNesting = 2;

    /// <summary>The parser's own recursion bound (AST nodes, about two per level of fields); deeper documents are QUERY_TOO_DEEP.</summary>
    public const int ParserMaxDepth = 128;

    /// <summary>Length and tokens, before parsing. Linear; stops counting at the limit.</summary>
    public DocumentRefusal? CheckText(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > limits.MaxQueryLength)
            return new(OkrErrorInfoProvider.QueryTooLarge,
                $"The document is {query.Length} characters long; at most {limits.MaxQueryLength} are allowed. Send a smaller document.");
        var tokens = 0;
        var position = 0;
        try
        {
            while (true)
            {
                var token = Lexer.Lex(query, position);
                if (token.Kind == TokenKind.EOF)
                    return null;
                if (++tokens > limits.MaxTokens)
                    return new(OkrErrorInfoProvider.QueryTooLarge,
                        $"The document has more than {limits.MaxTokens} tokens (names, punctuation, values); at most {limits.MaxTokens} are allowed. Send a smaller document.");
                if ((tokens & 1023) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
            return null; // the parser reports it, with its location
        }
    }

    /// <summary>Parses with a bounded recursion: the document, or the refusal (QUERY_TOO_DEEP) or syntax error to answer.</summary>
    public static (GraphQLDocument? Document, DocumentRefusal? Refusal, SyntaxError? SyntaxError) Parse(string query)
    {
        try
        {
            return (new GraphQLDocumentBuilder { MaxDepth = ParserMaxDepth }.Build(query), null, null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new(OkrErrorInfoProvider.QueryTooDeep, "The document nests too deeply to be read. Ask for less nesting."), null);
        }
        catch (SyntaxError syntax)
        {
            return (null, null, syntax); // the builder wraps the parser's GraphQLSyntaxErrorException
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            return (null, null, new SyntaxError(syntax));
        }
    }

    /// <summary>
    /// Measures a parsed document after fragments are expanded: fragments, fields, aliases, directives, depth, repeats of
    /// a field in one selection, introspection nesting. The operations together, and each fragment on its own (an unused
    /// fragment is still validated), must stay within the limits. Returns the operations' cost, and the refusal, if any.
    /// </summary>
    public (Cost Operations, DocumentRefusal? Refusal) Measure(GraphQLDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        var operations = new List<GraphQLOperationDefinition>();
        var fragmentCount = 0;
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragmentCount++;
                // Names are unique (the spec's rule); a second definition would escape every measure below while GraphQL.NET
                // still validated it, so it is refused here.
                if (!fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment))
                    return (default, new(OkrErrorInfoProvider.DuplicateFragment,
                        $"The document defines fragment {fragment.FragmentName.Name.StringValue} more than once; fragment names must be unique."));
            }
            else if (definition is GraphQLOperationDefinition operation)
                operations.Add(operation);
        }
        if (fragmentCount > limits.MaxFragments)
            return (default, new(OkrErrorInfoProvider.TooManyFragments,
                $"The document defines {fragmentCount} fragments; at most {limits.MaxFragments} are allowed."));

        // Each fragment's cost once, in an order where the fragments it spreads come first; a cycle is refused.
        var (order, cycle) = TopologicalOrder(fragments, cancellationToken);
        if (cycle is not null)
            return (default, new(OkrErrorInfoProvider.FragmentCycle,
                $"Fragments spread each other in a cycle ({string.Join(" → ", cycle)}): a fragment may not spread itself, directly or through others."));
        var costs = new Dictionary<string, Cost>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cost = MeasureSelectionSet(fragments[name].SelectionSet, costs).WithDirectives(fragments[name].Directives?.Count ?? 0);
            costs[name] = cost;
            if (Exceeds(cost, $"Fragment {name}") is { } refusal)
                return (default, refusal);
        }

        var total = default(Cost);
        foreach (var operation in operations)
            total = total.Plus(MeasureSelectionSet(operation.SelectionSet, costs), depthOffset: 0)
                .WithDirectives((operation.Directives?.Count ?? 0) + (operation.Variables?.Items.Sum(v => v.Directives?.Count ?? 0) ?? 0));
        if (Exceeds(total, operations.Count == 1 ? "The operation" : "The document's operations together") is { } tooMuch)
            return (total, tooMuch);

        // Within those bounds, the expanded selections are few: walk them to find a field repeated in one selection,
        // which GraphQL.NET's overlap validation compares pairwise. A spread fragment's selections are walked as part
        // of whatever spreads it (where they merge with more), so only operations and unspread fragments are walked.
        var spread = operations.SelectMany(o => SpreadNames(o.SelectionSet)).Concat(fragments.Values.SelectMany(f => SpreadNames(f.SelectionSet)))
            .ToHashSet(StringComparer.Ordinal);
        var roots = operations.Select(o => o.SelectionSet)
            .Concat(fragments.Where(f => !spread.Contains(f.Key)).Select(f => f.Value.SelectionSet));
        foreach (var root in roots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FindRepeatedField(root, fragments) is { } repeated)
                return (total, repeated);
        }
        return (total, null);
    }

    /// <summary>
    /// Anonymous callers may only introspect (the endpoint answers 401 otherwise), without aliases and within a small
    /// budget of fields: enough for the standard introspection query, not for a document that repeats the schema.
    /// </summary>
    public DocumentRefusal? CheckAnonymous(Cost operations)
    {
        if (operations.Aliases > 0)
            return new(OkrErrorInfoProvider.IntrospectionLimit, "Sign in to use aliases; anonymous callers may only introspect the schema, once per request.");
        if (operations.Fields > limits.AnonymousMaxFields)
            return new(OkrErrorInfoProvider.IntrospectionLimit,
                $"The introspection query selects {operations.Fields} fields once fragments are expanded; anonymous callers may select at most {limits.AnonymousMaxFields}. Sign in, or use the published schema.graphql.");
        return null;
    }

    private DocumentRefusal? Exceeds(Cost cost, string subject)
    {
        if (cost.Fragments > limits.MaxFragmentSpreads)
            return new(OkrErrorInfoProvider.TooManyFragments,
                $"{subject} uses fragments {Count(cost.Fragments)} times once they are expanded; at most {limits.MaxFragmentSpreads} are allowed.");
        if (cost.Fields > limits.MaxFields)
            return new(OkrErrorInfoProvider.TooManyFields,
                $"{subject} selects {Count(cost.Fields)} fields once fragments are expanded; at most {limits.MaxFields} are allowed. Ask for fewer fields, or split the query.");
        if (cost.Aliases > limits.MaxAliases)
            return new(OkrErrorInfoProvider.TooManyAliases,
                $"{subject} uses {Count(cost.Aliases)} aliases once fragments are expanded; at most {limits.MaxAliases} are allowed. Split the query.");
        if (cost.Directives > limits.MaxDirectives)
            return new(OkrErrorInfoProvider.TooManyDirectives,
                $"{subject} uses {Count(cost.Directives)} directives once fragments are expanded; at most {limits.MaxDirectives} are allowed.");
        if (cost.Depth > limits.MaxDepth)
            return new(OkrErrorInfoProvider.QueryTooDeep,
                $"The query nests {cost.Depth} levels deep; at most {limits.MaxDepth} are allowed. Ask for less nesting.");
        if (cost.IntrospectionLists > MaxIntrospectionListNesting)
            return new(OkrErrorInfoProvider.IntrospectionLimit,
                $"The introspection query nests fields, inputFields, interfaces or possibleTypes {cost.IntrospectionLists} levels deep; at most {MaxIntrospectionListNesting} are allowed.");
        return null;
    }

    private static string Count(long value) => value == long.MaxValue ? "too many" : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a selection set costs once its fragments are expanded; fragments' costs come from <paramref name="fragmentCosts"/>.</summary>
    private static Cost MeasureSelectionSet(GraphQLSelectionSet root, Dictionary<string, Cost> fragmentCosts)
    {
        var cost = default(Cost);
        var pending = new Stack<(GraphQLSelectionSet Set, int Depth, int Lists)>();
        pending.Push((root, 0, 0));
        while (pending.TryPop(out var item))
        {
            foreach (var selection in item.Set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var depth = item.Depth + 1;
                        var lists = item.Lists + (IntrospectionLists.Contains(field.Name.StringValue) ? 1 : 0);
                        cost = cost.AddField(field.Alias is not null, field.Directives?.Count ?? 0, depth, lists);
                        if (field.SelectionSet is { } set)
                            pending.Push((set, depth, lists));
                        break;
                    case GraphQLInlineFragment inline:
                        cost = cost.AddFragment(inline.Directives?.Count ?? 0);
                        pending.Push((inline.SelectionSet, item.Depth, item.Lists));
                        break;
                    case GraphQLFragmentSpread spread:
                        cost = cost.AddFragment(spread.Directives?.Count ?? 0);
                        if (fragmentCosts.TryGetValue(spread.FragmentName.Name.StringValue, out var spreadCost))
                            cost = cost.Plus(spreadCost, item.Depth, item.Lists); // an unknown fragment is a validation error
                        break;
                }
            }
        }
        return cost;
    }

    /// <summary>Fragments ordered so that each comes after those it spreads (iteratively: a long chain cannot exhaust the stack); or a cycle.</summary>
    private static (List<string> Order, List<string>? Cycle) TopologicalOrder(Dictionary<string, GraphQLFragmentDefinition> fragments, CancellationToken cancellationToken)
    {
        var spreads = fragments.ToDictionary(f => f.Key, f => SpreadNames(f.Value.SelectionSet).Where(fragments.ContainsKey).Distinct().ToList(), StringComparer.Ordinal);
        var order = new List<string>(fragments.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in fragments.Keys)
        {
            if (done.Contains(start))
                continue;
            cancellationToken.ThrowIfCancellationRequested();
            var path = new Stack<(string Name, int Next)>();
            path.Push((start, 0));
            onPath.Add(start);
            while (path.TryPop(out var top))
            {
                var dependencies = spreads[top.Name];
                if (top.Next < dependencies.Count)
                {
                    path.Push((top.Name, top.Next + 1));
                    var next = dependencies[top.Next];
                    if (done.Contains(next))
                        continue;
                    if (onPath.Contains(next))
                    {
                        var cycle = path.Select(p => p.Name).Reverse().SkipWhile(n => n != next).Append(next).ToList();
                        return (order, cycle);
                    }
                    onPath.Add(next);
                    path.Push((next, 0));
                }
                else
                {
                    onPath.Remove(top.Name);
                    done.Add(top.Name);
                    order.Add(top.Name);
                }
            }
        }
        return (order, null);
    }

    private static IEnumerable<string> SpreadNames(GraphQLSelectionSet root)
    {
        var pending = new Stack<GraphQLSelectionSet>();
        pending.Push(root);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField { SelectionSet: { } child }:
                        pending.Push(child);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        yield return spread.FragmentName.Name.StringValue;
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Walks the selections as execution merges them (fields of the same response name in one selection, with their
    /// sub-selections together) and refuses a response name repeated more than <see cref="GraphQLLimits.MaxFieldRepeats"/>
    /// times: validation compares each such pair, and their sub-selections pair by pair. Called only once the expanded
    /// size is known to be small.
    /// </summary>
    private DocumentRefusal? FindRepeatedField(GraphQLSelectionSet root, Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        var merged = new Queue<List<GraphQLSelectionSet>>();
        merged.Enqueue([root]);
        var groups = new Dictionary<string, (int Count, List<GraphQLSelectionSet>? Children)>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>();
        while (merged.TryDequeue(out var sets))
        {
            groups.Clear();
            foreach (var set in sets)
                pending.Push(set);
            while (pending.TryPop(out var set))
            {
                foreach (var selection in set.Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField field:
                            var name = (field.Alias?.Name ?? field.Name).StringValue;
                            groups.TryGetValue(name, out var group);
                            if (++group.Count > limits.MaxFieldRepeats)
                                return new(OkrErrorInfoProvider.TooManyFields,
                                    $"The field {name} is selected more than {limits.MaxFieldRepeats} times in one selection set (counting fragments); at most {limits.MaxFieldRepeats} are allowed.");
                            if (field.SelectionSet is { } child)
                                (group.Children ??= []).Add(child);
                            groups[name] = group;
                            break;
                        case GraphQLInlineFragment inline:
                            pending.Push(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                            pending.Push(fragment.SelectionSet);
                            break;
                    }
                }
            }
            foreach (var group in groups.Values)
            {
                if (group.Children is { } children)
                    merged.Enqueue(children);
            }
        }
        return null;
    }

    /// <summary>Counts after expansion; sums saturate, so 2^100 spreads are "too many", not an overflow.</summary>
    public readonly record struct Cost(long Fields, long Aliases, long Directives, long Fragments, int Depth, int IntrospectionLists)
    {
        public Cost AddField(bool aliased, int directives, int depth, int lists) => this with
        {
            Fields = Sum(Fields, 1),
            Aliases = Sum(Aliases, aliased ? 1 : 0),
            Directives = Sum(Directives, directives),
            Depth = Math.Max(Depth, depth),
            IntrospectionLists = Math.Max(IntrospectionLists, lists),
        };

        public Cost AddFragment(int directives) => this with { Fragments = Sum(Fragments, 1), Directives = Sum(Directives, directives) };

        public Cost WithDirectives(int directives) => this with { Directives = Sum(Directives, directives) };

        /// <summary>This and <paramref name="other"/>, whose fields start <paramref name="depthOffset"/> levels down.</summary>
        public Cost Plus(Cost other, int depthOffset, int listsOffset = 0) => new(
            Sum(Fields, other.Fields), Sum(Aliases, other.Aliases), Sum(Directives, other.Directives), Sum(Fragments, other.Fragments),
            Math.Max(Depth, depthOffset + other.Depth), Math.Max(IntrospectionLists, listsOffset + other.IntrospectionLists));

        private static long Sum(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    }
}
