using GraphQL.Validation;
using GraphQL.Validation.Complexity;

namespace Okr.Api.GraphQL.Execution;

/// <summary>
/// Limits that keep one request from taking the server down (settings under <c>GraphQL:</c>). Tuned so real queries
/// pass with room to spare: with the expected list sizes of <see cref="Types.ListSizes"/>, the README's whole tree of a
/// period is depth 7 and complexity about 22,000, and a pull of everything (check-ins, initiatives, KPIs with all their
/// values, comments, RACI) about 300,000; a query asking for dozens of trees, or nesting alignments ten levels deep,
/// is refused before anything runs.
/// </summary>
public sealed class GraphQLLimits
{
    public const string Section = "GraphQL";

    /// <summary>Nested fields at most (after fragments are expanded). The standard introspection query needs 15.</summary>
    public int MaxDepth { get; set; } = 15;

    // The document guard's limits (ADR 0015): checked before validation, in time linear in the document. Validation of a
    // document just within them takes tens of milliseconds; the SPA's largest document uses at most a quarter of each.

    /// <summary>Bytes of a POST body (the document, its variables and extensions) at most; more answers 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Characters of the document at most (QUERY_TOO_LARGE).</summary>
    public int MaxQueryLength { get; set; } = 32 * 1024;

    /// <summary>Tokens of the document (names, punctuation, values, comments) at most (QUERY_TOO_LARGE).</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Fragment definitions in a document at most (TOO_MANY_FRAGMENTS).</summary>
    public int MaxFragments { get; set; } = 50;

    /// <summary>Fragment spreads and inline fragments once fragments are expanded, at most (TOO_MANY_FRAGMENTS).</summary>
    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>Fields once fragments are expanded, at most (TOO_MANY_FIELDS): the operations together, and each fragment.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Times one response name may be selected in one selection set, fragments included (TOO_MANY_FIELDS).</summary>
    public int MaxFieldRepeats { get; set; } = 10;

    /// <summary>Aliases once fragments are expanded, at most (TOO_MANY_ALIASES).</summary>
    public int MaxAliases { get; set; } = 20;

    /// <summary>Directives once fragments are expanded, at most (TOO_MANY_DIRECTIVES).</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Fields an anonymous caller's introspection may select once fragments are expanded (INTROSPECTION_LIMIT).</summary>
    public int AnonymousMaxFields { get; set; } = 300;

    /// <summary>The estimated size of the answer at most (fields × expected list sizes).</summary>
    public int MaxComplexity { get; set; } = 500_000;

    /// <summary>
    /// Objectives one <c>okrTree</c> answer may hold at most (TREE_TOO_LARGE): a tree of 40,000 objectives is a 100 MB
    /// answer that GraphQL builds whole in memory (3.5 GB). Larger trees are fetched a level at a time (<c>depth</c>,
    /// then each unit as <c>rootUnitId</c>).
    /// </summary>
    public int MaxTreeObjectives { get; set; } = 10_000;

    /// <summary>Execution stops with a TIMEOUT error after this long.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Documents executing at once at most; the others queue (see <see cref="ExecutionGate"/>).</summary>
    public int MaxConcurrentExecutions { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>How long a document may wait for its turn before the answer is 503.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public void Configure(ComplexityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Our own checks (below) report errors with our codes; the built-in ones would use a generic code.
        options.MaxDepth = null;
        options.MaxComplexity = null;
        options.DefaultListImpactMultiplier = 5;
        options.ValidateComplexityDelegate = context =>
        {
            if (context.MaxDepth > MaxDepth)
                context.Error = new ValidationError($"The query nests {context.MaxDepth} levels deep; at most {MaxDepth} are allowed. Ask for less nesting.")
                    { Code = OkrErrorInfoProvider.QueryTooDeep };
            else if (context.TotalImpact > MaxComplexity)
                context.Error = new ValidationError(
                    $"The query is too complex: its estimated size is {context.TotalImpact:0}, at most {MaxComplexity} is allowed. Ask for fewer fields or smaller lists, or split it.")
                    { Code = OkrErrorInfoProvider.QueryTooComplex };
            return Task.CompletedTask;
        };
    }
}
