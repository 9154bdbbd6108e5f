using FluentValidation;
using FluentValidation.Results;
using GraphQL;
using GraphQL.Execution;
using Okr.Api.GraphQL.Execution;
using Okr.Application.Common.Exceptions;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>Unit tests of how failures become GraphQL errors: the REST mapping's codes, nothing internal outside Development.</summary>
public sealed class ErrorInfoTests
{
    private static ErrorInfo Describe(Exception exception, bool development = false) =>
        new OkrErrorInfoProvider(development).GetInfo(new UnhandledError("Error trying to resolve field 'objective'.", exception));

    [Fact]
    public void An_unexpected_failure_says_nothing_internal_outside_Development()
    {
        var info = Describe(new InvalidOperationException("Connection string Password=hunter2 rejected"));
        info.Message.Should().Be("Something went wrong on our side.");
        info.Extensions!["code"].Should().Be("INTERNAL");
        info.Extensions.Should().NotContainKey("details");
        info.Extensions.Values.OfType<string>().Should().NotContain(v => v.Contains("hunter2", StringComparison.Ordinal));

        var development = Describe(new InvalidOperationException("Connection string Password=hunter2 rejected"), development: true);
        development.Extensions!["details"].Should().BeOfType<string>().Which.Should().Contain("InvalidOperationException");
    }

    [Fact]
    public void A_database_that_did_not_answer_in_time_is_busy_not_an_internal_error()
    {
        // As EF Core's retrying strategy wraps Npgsql's "the connection pool has been exhausted" (inner: a TimeoutException).
        var exhausted = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new InvalidOperationException("The connection pool has been exhausted.", new TimeoutException("The operation has timed out.")));

        var rest = Okr.Api.Errors.ErrorMapping.Describe(exhausted, includeDetails: false);
        rest.Status.Should().Be(503);
        rest.Code.Should().Be("BUSY");
        rest.Detail.Should().Contain("nothing was changed");
        Describe(exhausted).Extensions!["code"].Should().Be("BUSY");

        Okr.Api.Errors.ErrorMapping.Describe(new InvalidOperationException("Something else."), includeDetails: false).Status.Should().Be(500);
    }

    [Fact]
    public void Application_exceptions_carry_the_codes_REST_uses()
    {
        Describe(new NotFoundException("Objective", Guid.Empty)).Extensions!["code"].Should().Be("NOT_FOUND");
        Describe(new ForbiddenException("No.")).Extensions!["code"].Should().Be("FORBIDDEN");
        Describe(new UnauthenticatedException("Sign in.")).Extensions!["code"].Should().Be("UNAUTHENTICATED");
        Describe(new Okr.Domain.Common.DomainRuleException("period.closed", "Closed.")).Extensions!["code"].Should().Be("period.closed");

        var validation = Describe(new ValidationException([new ValidationFailure("AsOf", "asOf cannot be in the future.")]));
        validation.Extensions!["code"].Should().Be("VALIDATION");
        validation.Message.Should().Contain("asOf cannot be in the future.");
        validation.Extensions["errors"].Should().BeAssignableTo<IDictionary<string, string[]>>().Which.Should().ContainKey("asOf");
    }

    [Fact]
    public void Request_errors_keep_their_own_codes()
    {
        var provider = new OkrErrorInfoProvider(development: false);
        provider.GetInfo(new ExecutionError("Sign in first.") { Code = "UNAUTHENTICATED" }).Extensions!["code"].Should().Be("UNAUTHENTICATED");
        provider.GetInfo(new TimeoutError()).Extensions!["code"].Should().Be("TIMEOUT");
    }
}
