using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives in a maildir: the one the test script starts
/// (<c>OKR_TEST_SMTP</c> = host:port, <c>OKR_TEST_SMTP_MAILDIR</c> = its folder), or else one started here, Debian's
/// aiosmtpd (<c>python3 -m aiosmtpd</c> with its Mailbox handler). Tests tell their messages apart by recipient.
/// </summary>
public sealed class SmtpServer : IAsyncLifetime
{
    public const string AddressVariable = "OKR_TEST_SMTP";
    public const string MaildirVariable = "OKR_TEST_SMTP_MAILDIR";

    private Process? _process;

    public string Host { get; private set; } = "127.0.0.1";
    public int Port { get; private set; }
    public string Maildir { get; private set; } = string.Empty;

    /// <summary>The settings that send the host's mail here.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Email:Host"] = Host,
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:TlsMode"] = "None",
        ["Email:From"] = "Okr <okr@okr.test>",
        ["App:BaseUrl"] = "http://okr.test",
    };

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address)
        {
            var parts = address.Split(':');
            (Host, Port) = (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            Maildir = Environment.GetEnvironmentVariable(MaildirVariable)
                ?? throw new InvalidOperationException($"{AddressVariable} is set without {MaildirVariable}.");
            return;
        }
        Port = FreePort();
        Maildir = Path.Combine(Path.GetTempPath(), $"okr-smtp-{Guid.NewGuid():N}");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        _process = Process.Start(new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 did not start.");
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The SMTP server did not start (install Debian's python3-aiosmtpd): {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(Host, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"The SMTP server did not listen on {Host}:{Port}.");
    }

    /// <summary>Every message the server received for <paramref name="recipient"/>, optionally of one kind (X-Okr-Kind).</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string recipient, string? kind = null)
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder))
            return [];
        return Directory.GetFiles(folder)
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            .Where(m => kind is null || m.Headers["X-Okr-Kind"] == kind)
            .ToList();
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (Directory.Exists(Maildir))
            Directory.Delete(Maildir, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A mail server that is there but refuses service: it greets every connection with <c>421</c> and hangs up, as a server
/// that is overloaded or shutting down does.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public RefusingSmtpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Connections => _connections;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                var stream = client.GetStream();
                await stream.WriteAsync("421 okr.test Service not available, closing transmission channel\r\n"u8.ToArray(), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
