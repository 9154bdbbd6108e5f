using System.Text.Json;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Okr.Api.Errors;
using Okr.Api.GraphQL.Execution;
using Okr.Api.Security;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Persistence;

namespace Okr.Api.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) on <c>/graphql</c>:
/// <list type="bullet">
/// <item>POST with an <c>application/json</c> body <c>{query, operationName?, variables?, extensions?}</c>; other body types
/// are refused with 415, which also shuts out cross-site HTML form posts (CSRF).</item>
/// <item>GET with <c>?query=&amp;operationName=&amp;variables=</c>, for queries only (a mutation answers 405). A GET signed
/// in by the cookie (no bearer token) must send a <c>GraphQL-Require-Preflight</c> header, which a cross-site page cannot
/// add without a CORS preflight.</item>
/// <item>The response is <c>application/graphql-response+json</c> when the client asks for it, else <c>application/json</c>
/// (406 when it accepts neither). With the former, a request that fails before execution (unparsable, invalid, too
/// deep or complex) answers 400; with the latter, 200 as the specification requires of legacy clients.</item>
/// <item>Before validation, the <see cref="DocumentGuard"/> refuses a body over <c>GraphQL:MaxRequestBytes</c> (413) and documents
/// too large, too deep or too repetitive (coded errors, like validation errors), in time linear in the document.</item>
/// <item>An anonymous caller may only introspect the schema, within a small budget; anything else answers 401 with code UNAUTHENTICATED.
/// Its requests are counted per client (<c>SignIn:Throttle:AnonymousGraphQLPermits</c>): over that, 429 RATE_LIMITED with Retry-After.</item>
/// </list>
/// </summary>
internal static class GraphQLHttpEndpoint
{
    /// <summary>Headers a cross-site form or image cannot send; any of them on a GET proves a preflighted request.</summary>
    private static readonly string[] PreflightHeaders = ["GraphQL-Require-Preflight", "X-Apollo-Operation-Name", "Apollo-Require-Preflight"];

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder routes, string pattern) =>
        routes.Map(pattern, HandleAsync).ExcludeFromDescription().WithDisplayName("GraphQL");

    private static async Task HandleAsync(HttpContext http)
    {
        try
        {
            await AnswerAsync(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client has gone: every stage (body, guard, gate, validation, execution, database) stopped on its token,
            // and there is nobody to answer.
        }
    }

    private static async Task AnswerAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.Vary = "Accept, Authorization, Cookie";
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var limits = http.RequestServices.GetRequiredService<GraphQLLimits>();
        var guard = http.RequestServices.GetRequiredService<DocumentGuard>();

        // A caller that is not signed in has a budget per client, checked before the body is read (ADR 0020).
        if (!http.RequestServices.GetRequiredService<ICurrentUser>().IsAuthenticated)
        {
            using var lease = http.RequestServices.GetRequiredService<AnonymousGraphQLLimiter>().Acquire(SignInProtection.ClientOf(http));
            if (!lease.IsAcquired)
            {
                var seconds = SignInProtection.RetryAfterSeconds(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(http, serializer, MediaTypes.Negotiate(request) ?? MediaTypes.Json, StatusCodes.Status429TooManyRequests,
                    "RATE_LIMITED", $"Too many requests without signing in. Try again in {seconds} seconds, or sign in.");
                return;
            }
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, serializer, MediaTypes.Json, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "GraphQL is served with GET (queries) and POST.");
            return;
        }

        var mediaType = MediaTypes.Negotiate(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, serializer, MediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        GraphQLHttpRequest? graphQLRequest;
        string? problem;
        if (isGet)
        {
            // Only ambient credentials (the sign-in cookie) can be abused cross-site; a bearer token or no credentials cannot.
            var signedInByCookie = http.User.Identity?.IsAuthenticated == true && request.Headers.Authorization.Count == 0;
            if (signedInByCookie && !PreflightHeaders.Any(h => request.Headers.ContainsKey(h)))
            {
                await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "CSRF_PREFLIGHT_REQUIRED",
                    "A GET signed in by cookie must send the GraphQL-Require-Preflight header (any value), or use POST with a JSON body.");
                return;
            }
            (graphQLRequest, problem) = GraphQLHttpRequest.FromQueryString(request.Query, serializer);
        }
        else
        {
            if (!MediaTypes.IsJsonBody(request))
            {
                await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                    $"POST a {MediaTypes.Json} body: {{\"query\": \"...\", \"variables\": {{...}}, \"operationName\": \"...\"}}.");
                return;
            }
            try
            {
                var bytes = await ReadBoundedAsync(http, limits.MaxRequestBytes);
                if (bytes is null)
                {
                    await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE",
                        $"The request body is larger than {limits.MaxRequestBytes} bytes.");
                    return;
                }
                using var body = JsonDocument.Parse(bytes.Value);
                (graphQLRequest, problem) = GraphQLHttpRequest.FromJson(body.RootElement, serializer);
            }
            catch (JsonException)
            {
                (graphQLRequest, problem) = (null, "The body is not valid JSON.");
            }
            catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await WriteErrorAsync(http, serializer, mediaType, bad.StatusCode, "PAYLOAD_TOO_LARGE",
                    $"The request body is larger than {limits.MaxRequestBytes} bytes."); // a chunked body, stopped by the server
                return;
            }
        }
        if (graphQLRequest is null)
        {
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status400BadRequest, "BAD_REQUEST", problem ?? "Not a GraphQL request.");
            return;
        }

        // The document guard (ADR 0015): size, parse and shape are checked here, in time linear in the document, before
        // GraphQL.NET's validation (some of whose rules are quadratic or expand fragments without memoising) sees it.
        var refusal = guard.CheckText(graphQLRequest.Query, http.RequestAborted);
        var (document, parseRefusal, syntaxError) = refusal is null ? DocumentGuard.Parse(graphQLRequest.Query) : default;
        refusal ??= parseRefusal;
        if (syntaxError is not null)
        {
            await WriteResultAsync(http, serializer, mediaType, new ExecutionResult { Errors = [syntaxError] });
            return;
        }
        var shape = default(DocumentGuard.Cost);
        if (refusal is null)
            (shape, refusal) = guard.Measure(document!, http.RequestAborted);
        if (refusal is not null)
        {
            await WriteRefusalAsync(http, serializer, mediaType, refusal);
            return;
        }
        var operation = SelectOperation(document!, graphQLRequest.OperationName);
        if (isGet && operation is { Operation: not OperationType.Query })
        {
            response.Headers.Allow = "POST";
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Only queries may be sent with GET.");
            return;
        }
        if (!http.RequestServices.GetRequiredService<ICurrentUser>().IsAuthenticated)
        {
            if (operation is not null && !IsIntrospectionOnly(document!, operation))
            {
                response.Headers.WWWAuthenticate = "Bearer";
                await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status401Unauthorized, ErrorMapping.Unauthenticated,
                    "Sign in first: send a bearer token from POST /api/auth/login, or the sign-in cookie.");
                return;
            }
            if (guard.CheckAnonymous(shape) is { } introspectionRefusal)
            {
                await WriteRefusalAsync(http, serializer, mediaType, introspectionRefusal);
                return;
            }
        }

        var gate = http.RequestServices.GetRequiredService<ExecutionGate>();
        if (!await gate.EnterAsync(http.RequestAborted))
        {
            response.Headers.RetryAfter = "5";
            await WriteErrorAsync(http, serializer, mediaType, StatusCodes.Status503ServiceUnavailable, "BUSY",
                $"The server is answering as many queries as it can; none finished within {gate.QueueTimeout.TotalSeconds:0} s. Try again shortly.");
            return;
        }
        ExecutionResult result;
        // One database connection for the whole query: otherwise each statement takes a connection from the pool and
        // the server resets it (DISCARD ALL), a second round of work per statement.
        var database = http.RequestServices.GetRequiredService<OkrDbContext>().Database;
        try
        {
            await database.OpenConnectionAsync(http.RequestAborted);
            // The executer's timeout (GraphQL:ExecutionTimeout) and the client's disconnection both cancel validation and
            // execution; resolvers pass the token on to Mediator and EF Core.
            var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = graphQLRequest.Query,
                Document = document,
                OperationName = graphQLRequest.OperationName,
                Variables = graphQLRequest.Variables,
                Extensions = graphQLRequest.Extensions,
                RequestServices = http.RequestServices,
                User = http.User,
                CancellationToken = http.RequestAborted,
            });
        }
        finally
        {
            await database.CloseConnectionAsync();
            gate.Release();
        }

        await WriteResultAsync(http, serializer, mediaType, result);
    }

    private static async Task WriteResultAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = StatusFor(result, mediaType);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>A document refused before validation answers like an invalid one: 400 with application/graphql-response+json, else 200.</summary>
    private static Task WriteRefusalAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, DocumentRefusal refusal) =>
        WriteResultAsync(http, serializer, mediaType, new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] });

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes (read no further than that).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
            return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit + 1L; // the server stops a chunked body too
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    /// <summary>
    /// application/json: 200 for every well-formed request. application/graphql-response+json: 200 once execution
    /// started (data present, even with field errors), 400 when the document failed before (parse, validation,
    /// limits), 504 on timeout.
    /// </summary>
    private static int StatusFor(ExecutionResult result, string mediaType)
    {
        if (mediaType == MediaTypes.Json)
            return StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is TimeoutError) == true)
            return StatusCodes.Status504GatewayTimeout;
        return result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    /// <summary>The operation that will run; null when the executer must report an ambiguity or an unknown name.</summary>
    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operationName is null)
            return operations.Count == 1 ? operations[0] : null;
        return operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    /// <summary>Only __schema, __type and __typename at the root (fragments followed): what a client needs before signing in.</summary>
    private static bool IsIntrospectionOnly(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<string>();

        bool Check(GraphQLSelectionSet? selectionSet) => selectionSet is null || selectionSet.Selections.All(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue.StartsWith("__", StringComparison.Ordinal),
            GraphQLInlineFragment inline => Check(inline.SelectionSet),
            GraphQLFragmentSpread spread => fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                && (!seen.Add(fragment.FragmentName.Name.StringValue) || Check(fragment.SelectionSet)),
            _ => false,
        });

        return Check(operation.SelectionSet);
    }

    private static async Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
