using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.Security;

/// <summary>
/// The auth suite of issue 9: each point of "sign-in as the trusted identity providers do it" (ADR 0016), on hosts of
/// its own, printing its figures.
/// </summary>
public sealed class AuthSuiteTests(ITestOutputHelper output)
{
    private static readonly string[] AnonymousEndpoints =
        ["/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/forgotPassword", "/api/auth/resetPassword", "/api/auth/resendConfirmationEmail"];

    private static object BodyFor(string endpoint, int i) => endpoint switch
    {
        "/api/auth/login" => new { email = $"nobody-{i}@example.com", password = "not-the-password" },
        "/api/auth/register" => new { email = $"new-{i}-{Guid.NewGuid():N}@example.com", password = AuthSuite.Password },
        "/api/auth/refresh" => new { refreshToken = "not-a-token" },
        "/api/auth/resetPassword" => new { email = $"nobody-{i}@example.com", resetCode = "x", newPassword = AuthSuite.Password },
        _ => new { email = $"nobody-{i}@example.com" },
    };

    [Fact]
    public async Task Every_anonymous_endpoint_is_throttled_per_client_with_429_and_Retry_After()
    {
        const int permits = 4;
        await using var host = await AuthSuite.HostAsync(clientPermits: permits);
        var refused = 0;
        foreach (var (endpoint, index) in AnonymousEndpoints.Select((e, i) => (e, i)))
        {
            // One client address per endpoint: each endpoint's own budget is what is measured.
            using var client = host.ClientAt($"198.51.100.{index + 1}");
            for (var i = 0; i < permits; i++)
                (await client.PostAsJsonAsync(endpoint, BodyFor(endpoint, i))).StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, endpoint);

            var over = await client.PostAsJsonAsync(endpoint, BodyFor(endpoint, permits));

            var problem = await over.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
            over.Headers.RetryAfter?.Delta.Should().BeGreaterThan(TimeSpan.Zero, endpoint);
            problem.GetProperty("title").GetString().Should().Contain("Try again");
            refused++;
        }
        using var other = host.ClientAt("198.51.100.200");
        (await other.LoginAsync("nobody@example.com", "not-the-password")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another client has its own budget");
        output.WriteLine($"per-client throttle: {AnonymousEndpoints.Length} anonymous endpoints × {permits + 1} requests, {refused} refused with 429 + Retry-After, 0 failures");
    }

    [Fact]
    public async Task Anonymous_GraphQL_is_throttled_per_client_and_signed_in_callers_are_not()
    {
        const int permits = 3;
        await using var host = await AuthSuite.HostAsync(anonymousGraphQLPermits: permits);
        const string address = "198.51.100.30";
        using var anonymous = host.ClientAt(address);
        using var signedIn = (await host.NewSignedInAsync(address)).Client;
        var query = new { query = "{ __typename }" };

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < permits; i++)
            allowed.Add((await anonymous.PostAsJsonAsync("/graphql", query)).StatusCode);
        var over = await anonymous.PostAsJsonAsync("/graphql", query);
        var overByGet = await anonymous.GetAsync("/graphql?query=%7B__typename%7D");
        var signedInAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < permits * 3; i++)
            signedInAnswers.Add((await signedIn.PostAsJsonAsync("/graphql", query)).StatusCode);
        using var other = host.ClientAt("198.51.100.31");
        var otherAnswer = await other.PostAsJsonAsync("/graphql", query);

        allowed.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        foreach (var refused in new[] { over, overByGet })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            refused.Headers.RetryAfter?.Delta.Should().BeGreaterThan(TimeSpan.Zero);
            var error = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
            error.GetProperty("extensions").GetProperty("code").GetString().Should().Be("RATE_LIMITED");
            error.GetProperty("message").GetString().Should().Contain("Try again");
        }
        signedInAnswers.Should().AllBeEquivalentTo(HttpStatusCode.OK, "a signed-in caller at the same address is not counted");
        otherAnswer.StatusCode.Should().Be(HttpStatusCode.OK, "another client has its own budget");
        output.WriteLine($"anonymous GraphQL: {permits} allowed, then 429 RATE_LIMITED + Retry-After (POST and GET); " +
                         $"{signedInAnswers.Count} signed-in requests from the same address all 200; another client 200");
    }

    [Fact]
    public async Task Sign_in_attempts_on_one_account_are_throttled_whatever_client_sends_them()
    {
        await using var host = await AuthSuite.HostAsync(accountPermits: 3, failuresBeforeBackoff: 100);
        var email = AuthSuite.NewEmail();

        for (var i = 0; i < 3; i++)
        {
            using var client = host.ClientAt($"203.0.113.{i + 1}");
            (await client.LoginAsync(email, "wrong-password-" + i)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        using var fourth = host.ClientAt("203.0.113.99");
        var over = await fourth.LoginAsync(email, "wrong-password-x");

        await over.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        over.Headers.RetryAfter?.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        (await fourth.LoginAsync(AuthSuite.NewEmail(), "wrong-password-y")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "other accounts are not affected");
        output.WriteLine("per-account throttle: 3 clients × 1 attempt allowed, the 4th client refused with 429");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stranger_guessing_passwords_cannot_lock_the_owner_out(DatabaseProvider provider)
    {
        await using var host = await AuthSuite.HostAsync(provider, failuresBeforeBackoff: 5);
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var stranger = host.ClientAt("192.0.2.66");

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
            answers.Add((await stranger.LoginAsync(email, $"guess-number-{i}")).StatusCode);

        answers.Take(5).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        answers.Skip(5).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests, "after 5 wrong passwords this client waits");
        using var owner = host.ClientAt("192.0.2.10");
        (await owner.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the owner signs in from their own client");
        var (failedCount, lockoutEnd) = await host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.AccessFailedCount, user.LockoutEnd);
        });
        failedCount.Should().Be(0);
        lockoutEnd.Should().BeNull("wrong passwords never lock the account");
        output.WriteLine($"{provider}: 25 guesses from one client: {answers.Count(a => a == HttpStatusCode.Unauthorized)} answered 401, " +
                         $"{answers.Count(a => a == HttpStatusCode.TooManyRequests)} answered 429; the owner signed in; account lockout end: none");
    }

    [Fact]
    public async Task The_wait_after_wrong_passwords_doubles_and_ends()
    {
        await using var host = await AuthSuite.HostAsync(failuresBeforeBackoff: 2);
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var client = host.ClientAt("192.0.2.77");
        (await client.LoginAsync(email, "wrong-one-1")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.LoginAsync(email, "wrong-one-2")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "two tries are allowed, then the waiting starts");

        var first = await client.LoginAsync(email, AuthSuite.Password);
        first.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even the right password waits its turn");
        var firstWait = first.Headers.RetryAfter!.Delta!.Value;

        host.Time.Advance(firstWait + TimeSpan.FromSeconds(1));
        (await client.LoginAsync(email, "wrong-one-4")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var second = await client.LoginAsync(email, AuthSuite.Password);
        var secondWait = second.Headers.RetryAfter!.Delta!.Value;
        secondWait.Should().BeGreaterThan(firstWait * 1.5, "the wait doubles");

        host.Time.Advance(secondWait + TimeSpan.FromSeconds(1));
        (await client.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        output.WriteLine($"backoff: waits of {firstWait.TotalSeconds:0} s then {secondWait.TotalSeconds:0} s; the right password signs in after");
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_deactivated_account_get_the_same_answer_in_similar_time()
    {
        await using var host = await AuthSuite.HostAsync(failuresBeforeBackoff: 1000);
        var known = AuthSuite.NewEmail();
        var deactivated = AuthSuite.NewEmail();
        await host.RegisterAsync(known);
        await host.RegisterAsync(deactivated);
        await host.WithDbAsync(db => db.Users.Where(u => u.Email == deactivated)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, Okr.Infrastructure.Seeding.DemoSeeder.DeactivatedUntil)));
        using var client = host.ClientAt("192.0.2.88");

        var unknown = await client.LoginAsync(AuthSuite.NewEmail(), "Some-password-1");
        var wrong = await client.LoginAsync(known, "Some-password-1");
        var locked = await client.LoginAsync(deactivated, AuthSuite.Password);

        var bodies = new[] { await unknown.ComparableBodyAsync(), await wrong.ComparableBodyAsync(), await locked.ComparableBodyAsync() };
        new[] { unknown.StatusCode, wrong.StatusCode, locked.StatusCode }.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        bodies.Distinct().Should().ContainSingle(string.Join(" | ", bodies));

        const int rounds = 7;
        async Task<double> MedianAsync(Func<int, Task> attempt)
        {
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                await attempt(i);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(rounds / 2);
        }
        var unknownMs = await MedianAsync(i => client.LoginAsync($"nobody-{i}-{Guid.NewGuid():N}@example.com", "Some-password-1"));
        var wrongMs = await MedianAsync(_ => client.LoginAsync(known, "Some-password-1"));
        var lockedMs = await MedianAsync(_ => client.LoginAsync(deactivated, AuthSuite.Password));
        output.WriteLine($"failed sign-in, median of {rounds}: unknown email {unknownMs:0.0} ms, wrong password {wrongMs:0.0} ms, deactivated {lockedMs:0.0} ms; one body: {bodies[0]}");
        // Generous bounds (a loaded machine): without the hasher run, an unknown email answers ~50 times faster.
        unknownMs.Should().BeGreaterThan(wrongMs / 4, "an unknown email costs a password hash too");
        lockedMs.Should().BeGreaterThan(wrongMs / 4, "a locked account costs a password hash too");
    }

    [Fact]
    public async Task Registering_a_taken_email_answers_as_a_new_one()
    {
        await using var host = await AuthSuite.HostAsync();
        var taken = AuthSuite.NewEmail();
        await host.RegisterAsync(taken);
        using var client = host.ClientAt("192.0.2.90");

        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = taken, password = "Another-password-2026" });
        var fresh = await client.PostAsJsonAsync("/api/auth/register", new { email = AuthSuite.NewEmail(), password = "Another-password-2026" });
        var takenWeak = await client.PostAsJsonAsync("/api/auth/register", new { email = taken, password = "Password1" });
        var freshWeak = await client.PostAsJsonAsync("/api/auth/register", new { email = AuthSuite.NewEmail(), password = "Password1" });

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Be(await fresh.Content.ReadAsStringAsync());
        takenWeak.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await takenWeak.ComparableBodyAsync()).Should().Be(await freshWeak.ComparableBodyAsync());
        (await client.LoginAsync(taken, "Another-password-2026")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account kept its password");
        output.WriteLine("registration: taken and new email answer 200 alike; with a weak password, the same 400");
    }

    [Theory]
    [InlineData("Password1")]
    [InlineData("password123")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("letmein2026!")]
    [InlineData("Iloveyou!!!")]
    [InlineData("short-1A")]
    public async Task Common_and_short_passwords_are_refused(string password)
    {
        await using var host = await AuthSuite.HostAsync();
        using var client = host.ClientAt("192.0.2.91");

        var response = await client.PostAsJsonAsync("/api/auth/register", new { email = AuthSuite.NewEmail(), password });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal(["password"], "Identity's codes are keyed by the request's field");
        var messages = errors.GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        messages.Should().NotBeEmpty().And.AllSatisfy(m => m.Should().NotBeNullOrWhiteSpace());
        output.WriteLine($"{password}: refused (password: {string.Join(" ", messages)})");
    }

    [Fact]
    public async Task Identitys_validation_problems_are_keyed_by_the_request_field()
    {
        await using var host = await AuthSuite.HostAsync();
        var account = await host.NewSignedInAsync("192.0.2.92");
        using var signedIn = account.Client;
        var email = account.Email;
        using var client = host.ClientAt("192.0.2.92");

        var cases = new (string Name, Func<Task<HttpResponseMessage>> Request, string Field, string MessagePart)[]
        {
            ("register, short password", () => client.PostAsJsonAsync("/api/auth/register", new { email = AuthSuite.NewEmail(), password = "short" }), "password", "10"),
            ("register, not an email", () => client.PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = AuthSuite.Password }), "email", "not-an-email"),
            ("reset, bad code", () => client.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode = "AAAA", newPassword = AuthSuite.Password }), "resetCode", "token"),
            ("manage, no old password", () => signedIn.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "Another-passphrase-2026" }), "oldPassword", "old password"),
            ("manage, wrong old password", () => signedIn.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "Another-passphrase-2026", oldPassword = "not-the-password" }), "oldPassword", "password"),
            ("manage, weak new password", () => signedIn.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = "Password1", oldPassword = AuthSuite.Password }), "newPassword", "password"),
        };
        foreach (var (name, request, field, messagePart) in cases)
        {
            var response = await request();
            var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors");
            errors.EnumerateObject().Select(e => e.Name).Should().Equal([field], name);
            var message = string.Join(" ", errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
            message.Should().ContainEquivalentOf(messagePart, name);
            output.WriteLine($"{name}: {{ {field}: {message} }}");
        }
        (await client.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "nothing changed the password");
    }

    [Fact]
    public async Task The_demo_password_and_a_passphrase_are_accepted()
    {
        await using var host = await AuthSuite.HostAsync();
        using var client = host.ClientAt("192.0.2.92");

        foreach (var password in new[] { AuthSuite.Password, "correct horse battery staple" })
            (await client.PostAsJsonAsync("/api/auth/register", new { email = AuthSuite.NewEmail(), password })).StatusCode.Should().Be(HttpStatusCode.OK, password);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Access_and_refresh_tokens_end_with_sign_out(DatabaseProvider provider)
    {
        await using var host = await AuthSuite.HostAsync(provider);
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var client = host.ClientAt("192.0.2.93");
        var first = await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync();
        var second = await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync();
        (await InfoAsync(client, first.Access)).Should().Be(HttpStatusCode.OK);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.Access);
        (await client.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await InfoAsync(client, first.Access)).Should().Be(HttpStatusCode.Unauthorized, "the token signed out");
        (await InfoAsync(client, second.Access)).Should().Be(HttpStatusCode.Unauthorized, "sign-out ends every session of the user");
        (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await InfoAsync(client, (await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync()).Access)).Should().Be(HttpStatusCode.OK);
        output.WriteLine($"{provider}: after sign-out, 2 access tokens and 1 refresh token refused; a new sign-in works");
    }

    [Fact]
    public async Task Access_tokens_end_with_a_password_change()
    {
        await using var host = await AuthSuite.HostAsync();
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var client = host.ClientAt("192.0.2.94");
        var tokens = await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync();

        using var change = new HttpRequestMessage(HttpMethod.Post, "/api/auth/manage/info")
        {
            Content = JsonContent.Create(new { oldPassword = AuthSuite.Password, newPassword = "A-new-passphrase-2027" }),
        };
        change.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Access);
        (await client.SendAsync(change)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await InfoAsync(client, tokens.Access)).Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.LoginAsync(email, "A-new-passphrase-2027")).StatusCode.Should().Be(HttpStatusCode.OK);
        output.WriteLine("password change: the old access and refresh tokens refused");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Refresh_tokens_rotate_and_a_replay_revokes_the_family(DatabaseProvider provider)
    {
        await using var host = await AuthSuite.HostAsync(provider);
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var client = host.ClientAt("192.0.2.101");
        var first = await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync();

        var second = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh })).TokensAsync();
        var third = await (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second.Refresh })).TokensAsync();
        second.Refresh.Should().NotBe(first.Refresh);
        (await InfoAsync(client, third.Access)).Should().Be(HttpStatusCode.OK);

        var replay = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh });

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a spent refresh token is refused");
        (await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = third.Refresh })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the replay revoked the family, the latest token too");
        (await InfoAsync(client, third.Access)).Should().Be(HttpStatusCode.Unauthorized, "and its access tokens");
        (await client.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the owner signs in again");
        output.WriteLine($"{provider}: 2 rotations; the replay of the first token refused and the family (refresh and access tokens) revoked");
    }

    [Fact]
    public async Task Two_racing_exchanges_of_one_refresh_token_do_not_both_succeed()
    {
        await using var host = await AuthSuite.HostAsync();
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var client = host.ClientAt("192.0.2.102");
        var tokens = await (await client.LoginAsync(email, AuthSuite.Password)).TokensAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.Refresh })));

        // At most one exchange wins the token; the others are replays, refused as Identity refuses a bad token, and they
        // revoke the family, the winner's new tokens included: so "exactly one success" is not what the design promises
        // (the winner's own stamp check may already see the renewed stamp), "no second success, no other answer" is.
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().BeLessThanOrEqualTo(1);
        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Unauthorized,
            "a racing replay is a refusal (401), never a 412 or a 500");
        output.WriteLine($"racing refreshes: {string.Join(", ", answers.Select(a => (int)a.StatusCode))}");
    }

    [Fact]
    public async Task An_invitation_is_accepted_only_by_the_invited_address_which_it_confirms()
    {
        await using var host = await AuthSuite.HostAsync();
        using var organization = await host.NewOrganizationAsync();
        var invited = AuthSuite.NewEmail();
        var created = await organization.Admin.PostAsJsonAsync("/api/invitations", new { email = invited, role = "Member" });
        var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        using var holder = await host.NewUserAsync(); // someone else who got hold of the link
        var stolen = await holder.PostAsJsonAsync("/api/invitations/accept", new { token });
        using var invitee = await host.NewUserAsync(invited);
        var confirmedBefore = await host.WithDbAsync(db => db.Users.Where(u => u.Email == invited).Select(u => u.EmailConfirmed).SingleAsync());
        var accepted = await invitee.PostAsJsonAsync("/api/invitations/accept", new { token });

        await stolen.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        accepted.StatusCode.Should().Be(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
        confirmedBefore.Should().BeFalse();
        (await host.WithDbAsync(db => db.Users.Where(u => u.Email == invited).Select(u => u.EmailConfirmed).SingleAsync())).Should().BeTrue();
        output.WriteLine("invitation: another address refused (403); the invited address accepted and its email marked confirmed");
    }

    private static async Task<HttpStatusCode> InfoAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/manage/info");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_cross_site_write_riding_on_the_session_cookie_is_refused()
    {
        await using var host = await AuthSuite.HostAsync();
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var browser = host.ClientAt("192.0.2.95", cookies: true);
        (await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = AuthSuite.Password })).EnsureSuccessStatusCode();
        var target = $"/api/objectives/{Guid.NewGuid()}/activate";

        // A cross-site HTML form: no body, no custom header.
        var form = await browser.PostAsync(target, null);
        using var foreignOrigin = new HttpRequestMessage(HttpMethod.Post, target);
        foreignOrigin.Headers.Add("X-Requested-With", "XMLHttpRequest");
        foreignOrigin.Headers.Add("Origin", "https://evil.example");
        var foreign = await browser.SendAsync(foreignOrigin);
        using var fromSpa = new HttpRequestMessage(HttpMethod.Post, target);
        fromSpa.Headers.Add("X-Requested-With", "XMLHttpRequest");
        fromSpa.Headers.Add("Origin", "http://localhost");
        var spa = await browser.SendAsync(fromSpa);

        // Credentials a browser sends by itself (Basic, Negotiate) exempt nothing: the cookie still authenticates.
        using var basic = new HttpRequestMessage(HttpMethod.Post, target);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        var withBasic = await browser.SendAsync(basic);

        await form.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await withBasic.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await spa.Content.ReadAsStringAsync()).Should().NotContain("Cross-site", "the SPA's own request reaches the endpoint");
        spa.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized);

        using var tool = host.ClientAt("192.0.2.96");
        var token = await (await tool.LoginAsync(email, AuthSuite.Password)).TokensAsync();
        tool.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Access);
        (await (await tool.PostAsync(target, null)).Content.ReadAsStringAsync()).Should().NotContain("Cross-site", "a bearer token is never sent by a browser on its own");
        output.WriteLine($"CSRF: form POST {(int)form.StatusCode}, foreign origin {(int)foreign.StatusCode}, SPA {(int)spa.StatusCode}, bearer tool passes");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var host = await AuthSuite.HostAsync();
        using var client = host.ClientAt("192.0.2.97");
        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["GET /health"] = await client.GetAsync("/health"),
            ["GET /api/unknown (404)"] = await client.GetAsync("/api/unknown"),
            ["POST /api/organizations (401)"] = await client.PostAsJsonAsync("/api/organizations", new { name = "X" }),
            ["POST /graphql"] = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" }),
            ["POST /api/auth/login (401)"] = await client.LoginAsync("nobody@example.com", "not-the-password"),
            ["GET /swagger/v1/swagger.json"] = await client.GetAsync("/swagger/v1/swagger.json"),
        };
        foreach (var (name, response) in responses)
        {
            var headers = response.Headers;
            headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'", name);
            headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff", name);
            headers.GetValues("X-Frame-Options").Single().Should().Be("DENY", name);
            headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer", name);
            headers.GetValues("Permissions-Policy").Single().Should().Contain("camera=()", name);
        }
        output.WriteLine($"security headers: {responses.Count} responses × 5 headers present");
    }

    [Fact]
    public async Task Demo_people_sign_in_only_in_Development()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (database)
        {
            await using (var development = await AuthSuite.HostAsync(environment: "Development", database: database))
            {
                using var client = development.ClientAt("192.0.2.98");
                (await client.LoginAsync(AuthSuite.DemoAdmin, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "Development seeds the demo");
            }
            foreach (var environment in new[] { "Staging", "Production" })
            {
                await using var later = await AuthSuite.HostAsync(environment: environment, database: database);
                using var client = later.ClientAt("192.0.2.99");
                var login = await client.LoginAsync(AuthSuite.DemoAdmin, AuthSuite.Password);
                login.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"the demo admin is deactivated in {environment}");
            }
        }
        await using var fresh = await AuthSuite.HostAsync(environment: "Staging");
        (await fresh.WithDbAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync())).Should().Be(0, "outside Development nothing is seeded");
        output.WriteLine("demo people: sign in in Development; refused in Staging and Production on the same database; a Staging database is not seeded");
    }

    [Fact]
    public async Task Strangers_spending_an_accounts_budget_leave_its_owner_signing_in_from_a_known_client()
    {
        await using var host = await AuthSuite.HostAsync(accountPermits: 3, failuresBeforeBackoff: 100);
        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var owner = host.ClientAt("192.0.2.140");
        (await owner.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Password-reset requests for the account count in a budget of their own: they never spend its sign-ins.
        for (var i = 0; i < 5; i++)
        {
            using var asker = host.ClientAt($"198.18.0.{i + 1}");
            await asker.PostAsJsonAsync("/api/auth/forgotPassword", new { email });
        }
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var stranger = host.ClientAt($"198.18.1.{i + 1}");
            answers.Add((await stranger.LoginAsync(email, $"guess-{i}")).StatusCode);
        }

        answers.Should().Contain(HttpStatusCode.TooManyRequests, "strangers spread over clients meet the account's budget");
        (await owner.LoginAsync(email, AuthSuite.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "a client that signed in before is not held by it");
        output.WriteLine($"account budget 3: strangers {string.Join(", ", answers.Select(a => (int)a))}; the owner's known client signed in");
    }

    [Fact]
    public async Task A_trailing_slash_does_not_escape_the_throttle_and_a_respelled_refresh_token_is_refused()
    {
        await using var host = await AuthSuite.HostAsync(clientPermits: 2);
        using var client = host.ClientAt("198.51.100.230");
        for (var i = 0; i < 2; i++)
            await client.LoginAsync("nobody@example.com", "not-the-password");
        var slashed = await client.PostAsJsonAsync("/api/auth/login/", new { email = "nobody@example.com", password = "not-the-password" });
        slashed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        var email = AuthSuite.NewEmail();
        await host.RegisterAsync(email);
        using var owner = host.ClientAt("198.51.100.231");
        var first = await (await owner.LoginAsync(email, AuthSuite.Password)).TokensAsync();
        (await owner.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.Refresh })).StatusCode.Should().Be(HttpStatusCode.OK);
        using var elsewhere = host.ClientAt("198.51.100.232");
        (await elsewhere.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "    " + first.Refresh })).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the spent token, spelt another way, is still the spent token");
        output.WriteLine("trailing slash: 429; a respelled spent refresh token: 401");
    }
}
