using System.Diagnostics;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;

namespace Okr.Api.IntegrationTests.Webhooks;

/// <summary>
/// A webhook receiver on 127.0.0.1, on a free port: <c>tests/webhook-receiver/receiver.mjs</c> under node, which verifies
/// each delivery with the npm <c>standardwebhooks</c> package, an implementation independent of the server's signer.
/// Its packages are installed by the test script (<c>npm ci</c> there); when run alone, here, on first use.
/// </summary>
public sealed class WebhookReceiver : IAsyncLifetime
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private Process? _process;
    private static readonly HttpClient Control = new();

    public int Port { get; } = SmtpServer.FreePort();

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public sealed record Delivery(string Path, string Method, string Id, string Timestamp, string Signature, string? ContentType, string Body,
        bool[] Verified, string[] Errors, int Answered);

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(ContractTests.RepositoryFile("tests/webhook-receiver"));
        await InstallAsync(folder);
        _process = Process.Start(new ProcessStartInfo("node", ["receiver.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("node did not start.");
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line?.StartsWith("listening", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"The webhook receiver did not start: {line} {await _process.StandardError.ReadToEndAsync()}");
    }

    private static async Task InstallAsync(string folder)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(folder, "node_modules", "standardwebhooks")))
                return;
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("npm did not start.");
            var errors = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {folder} failed: {await errors}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>What the receiver answers from now on, and the secrets it verifies signatures with (one result per secret).</summary>
    public async Task SetAsync(int status, params string[] secrets)
    {
        var response = await Control.PostAsJsonAsync(Url("/__control"), new { status, secrets });
        response.EnsureSuccessStatusCode();
    }

    public async Task AnswerAsync(int status) =>
        (await Control.PostAsJsonAsync(Url("/__control"), new { status })).EnsureSuccessStatusCode();

    /// <summary>Every delivery received, oldest first; only those to <paramref name="path"/> when given.</summary>
    public async Task<List<Delivery>> ReceivedAsync(string? path = null) =>
        (await Control.GetFromJsonAsync<List<Delivery>>(Url("/__received")))!.Where(d => path is null || d.Path == path).ToList();

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
                _process.Kill();
        }
        _process?.Dispose();
    }
}
