using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Okr.Api.GraphQL.Loading;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>Unit tests of our per-request batch loader (no host, no database).</summary>
public sealed class BatchLoaderTests
{
    private sealed class Recorder
    {
        public List<IReadOnlyList<int>> Fetches { get; } = [];

        public BatchLoader<int, string> Loader(string missing = "missing", Func<int, bool>? answers = null) => new((keys, _) =>
        {
            lock (Fetches) Fetches.Add(keys.ToList());
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(answers ?? (_ => true)).ToDictionary(k => k, k => $"value {k}"));
        }, missing);
    }

    [Fact]
    public async Task Keys_asked_for_before_any_result_is_awaited_are_fetched_in_one_call()
    {
        var recorder = new Recorder();
        var loader = recorder.Loader();
        var results = Enumerable.Range(1, 50).Select(loader.Load).ToList();
        recorder.Fetches.Should().BeEmpty("nothing is fetched until a result is needed");

        var values = new List<string>();
        foreach (var result in results)
            values.Add(await result.GetResultAsync());

        recorder.Fetches.Should().ContainSingle().Which.Should().Equal(Enumerable.Range(1, 50));
        values.Should().Equal(Enumerable.Range(1, 50).Select(i => $"value {i}"));
        loader.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task A_key_asked_for_again_shares_the_first_result_and_is_not_fetched_twice()
    {
        var recorder = new Recorder();
        var loader = recorder.Loader();
        var first = loader.Load(7);
        var second = loader.Load(7);
        second.Should().BeSameAs(first);
        await first.GetResultAsync();

        (await loader.Load(7).GetResultAsync()).Should().Be("value 7");
        recorder.Fetches.Should().ContainSingle().Which.Should().Equal(7);
    }

    [Fact]
    public async Task Keys_asked_for_once_a_batch_was_fetched_go_to_the_next_batch()
    {
        var recorder = new Recorder();
        var loader = recorder.Loader();
        var a = loader.Load(1);
        var b = loader.Load(2);
        await a.GetResultAsync();
        var c = loader.Load(3);
        var d = loader.Load(4);
        await b.GetResultAsync();
        await d.GetResultAsync();
        await c.GetResultAsync();

        recorder.Fetches.Should().HaveCount(2);
        recorder.Fetches[0].Should().Equal(1, 2);
        recorder.Fetches[1].Should().Equal(3, 4);
    }

    [Fact]
    public async Task A_key_the_fetch_does_not_answer_resolves_to_the_missing_value()
    {
        var loader = new Recorder().Loader("none", answers: k => k % 2 == 0);
        var odd = loader.Load(1);
        var even = loader.Load(2);
        (await odd.GetResultAsync()).Should().Be("none");
        (await even.GetResultAsync()).Should().Be("value 2");
    }

    [Fact]
    public async Task A_failed_fetch_fails_every_result_of_its_batch_and_only_that_batch()
    {
        var calls = 0;
        var loader = new BatchLoader<int, string>((keys, _) => ++calls == 1
            ? Task.FromException<IReadOnlyDictionary<int, string>>(new InvalidOperationException("database down"))
            : Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "ok")), "missing");
        var a = loader.Load(1);
        var b = loader.Load(2);

        await FluentActions.Awaiting(() => a.GetResultAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("database down");
        await FluentActions.Awaiting(() => b.GetResultAsync()).Should().ThrowAsync<InvalidOperationException>();
        (await loader.Load(3).GetResultAsync()).Should().Be("ok");
    }

    [Fact]
    public async Task Results_awaited_at_the_same_time_share_one_fetch()
    {
        var release = new TaskCompletionSource();
        var fetches = 0;
        var loader = new BatchLoader<int, int>(async (keys, _) =>
        {
            Interlocked.Increment(ref fetches);
            await release.Task;
            return keys.ToDictionary(k => k, k => k * 10);
        }, -1);
        var pending = Enumerable.Range(1, 20).Select(loader.Load).ToList();

        var all = Task.WhenAll(pending.Select(p => Task.Run(() => p.GetResultAsync())));
        await Task.Delay(50);
        release.SetResult();

        (await all).Should().Equal(Enumerable.Range(1, 20).Select(k => k * 10));
        fetches.Should().Be(1);
    }

    [Fact]
    public async Task Then_and_LoadMany_shape_results_without_fetching_early()
    {
        var recorder = new Recorder();
        var loader = recorder.Loader();
        var lengths = loader.Load(5).Then(v => v.Length);
        var many = loader.LoadMany([3, 1, 2]);
        recorder.Fetches.Should().BeEmpty();

        (await many.GetResultAsync()).Should().Equal("value 3", "value 1", "value 2");
        (await lengths.GetResultAsync()).Should().Be("value 5".Length);
        recorder.Fetches.Should().ContainSingle().Which.Should().BeEquivalentTo([5, 3, 1, 2]);
        (await DataLoaderResults.FromValue(42).GetResultAsync()).Should().Be(42);
    }

    private sealed record Item(int Id);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GraphQL_NET_completes_loaders_after_each_step_so_a_list_costs_one_fetch_per_level(bool serial)
    {
        var names = new Recorder();
        var friends = new Recorder();
        var nameLoader = names.Loader();
        var friendLoader = friends.Loader();
        var item = new ObjectGraphType<Item> { Name = "Item" };
        item.Field<NonNullGraphType<IntGraphType>>("id").Resolve(c => c.Source.Id);
        item.Field<StringGraphType>("name").Resolve(c => nameLoader.Load(c.Source.Id));
        item.Field<StringGraphType>("friendName").Description("Two loaders in a chain.")
            .Resolve(c => friendLoader.Load(c.Source.Id).Then(friend => nameLoader.Load(1000 + friend.Length)));
        item.Field("next", item).Resolve(c => c.Source.Id < 3 ? new Item(c.Source.Id + 100) : null);
        var query = new ObjectGraphType { Name = "Query" };
        query.Field("items", new ListGraphType(item)).Resolve(_ => Enumerable.Range(1, 50).Select(i => new Item(i)).ToList());
        var schema = new Schema { Query = query };

        var executer = serial
            ? new DocumentExecuter(new GraphQLDocumentBuilder(), new DocumentValidator(), new DefaultExecutionStrategySelector(
                [new ExecutionStrategyRegistration(SerialExecutionStrategy.Instance, OperationType.Query)]), [])
            : new DocumentExecuter();
        var result = await executer.ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.Query = "{ items { id name friendName next { name next { name } } } }";
        });

        var json = new GraphQLSerializer().Serialize(result);
        result.Errors.Should().BeNullOrEmpty(json);
        json.Should().Contain("\"name\":\"value 50\"").And.Contain("\"friendName\":\"value 1007\"");
        friends.Fetches.Should().ContainSingle().Which.Should().HaveCount(50);
        names.Fetches.Count.Should().BeLessThanOrEqualTo(4, "one fetch per level of the response, not per item");
        names.Fetches.Sum(f => f.Count).Should().Be(54, "each distinct key is fetched once: 50 items, 2 friends' names, 2 next items");
    }
}
