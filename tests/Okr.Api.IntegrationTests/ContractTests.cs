using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// The committed contracts must equal what the code produces. To refresh them after a change, run
/// <c>scripts/update-contracts.sh</c> (these tests with OKR_UPDATE_CONTRACTS=1 write the files instead of comparing).
/// </summary>
[Collection(ApiTests.Name)]
[Trait("Category", "Contract")]
public sealed class ContractTests(ApiFixture fixture)
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("OKR_UPDATE_CONTRACTS") == "1";

    private static string Metadata(string key) =>
        typeof(ContractTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    internal static string RepositoryFile(string relative) => Path.Combine(Metadata("RepositoryRoot"), relative);

    [Fact]
    public async Task The_served_OpenAPI_document_equals_the_committed_openapi_json()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();
        var served = Normalise(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var path = RepositoryFile("openapi.json");

        if (Update)
            await File.WriteAllTextAsync(path, served);

        File.Exists(path).Should().BeTrue("openapi.json is committed at the repository root");
        (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n").Should().Be(served,
            "openapi.json must match what the API serves: run scripts/update-contracts.sh and commit the result");
    }

    [Fact]
    public async Task The_generated_TypeScript_client_is_current_with_openapi_json()
    {
        var generated = Path.Combine(Path.GetTempPath(), $"okr-client-{Guid.NewGuid():N}.ts");
        var committed = RepositoryFile("client/src/api/okr-client.ts");
        try
        {
            await RunNSwagAsync(generated);
            var fresh = (await File.ReadAllTextAsync(generated)).ReplaceLineEndings("\n");
            if (Update)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(committed)!);
                await File.WriteAllTextAsync(committed, fresh);
            }

            File.Exists(committed).Should().BeTrue("the generated client is committed");
            (await File.ReadAllTextAsync(committed)).ReplaceLineEndings("\n").Should().Be(fresh,
                "client/src/api/okr-client.ts must be regenerated from openapi.json: run scripts/update-contracts.sh");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    [Fact]
    public async Task The_served_GraphQL_schema_equals_the_committed_schema_graphql()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var served = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = RepositoryFile("schema.graphql");

        if (Update)
            await File.WriteAllTextAsync(path, served);

        File.Exists(path).Should().BeTrue("schema.graphql (the GraphQL contract) is committed at the repository root");
        (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n").Should().Be(served,
            "schema.graphql must match the schema the API serves: run scripts/update-contracts.sh and commit the result");
    }

    private static async Task RunNSwagAsync(string output)
    {
        var nswag = Path.Combine(Metadata("NSwagDir"), "dotnet-nswag.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Metadata("RepositoryRoot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { nswag, "run", "nswag.json", $"/variables:OpenApi=openapi.json,Output={output}" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"NSwag failed: {await stdout}{await stderr}");
    }

    /// <summary>Stable formatting, so the committed file diffs well.</summary>
    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2 }) + "\n";
}
