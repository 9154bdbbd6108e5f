using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Okr.Api.Endpoints;
using Okr.Api.Errors;
using Okr.Api.Hosting;
using Okr.Api.Security;
using Okr.Infrastructure.Seeding;

// The container's HEALTHCHECK: the runtime image has no curl, so the app probes itself.
if (args.Contains("--health-probe"))
    return await HealthProbe.RunAsync(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));

// `rebuild-rollups`: recompute every maintained value from the source rows (after an import or a bulk load), then exit.
var rebuildRollups = args.Length > 0 && args[0] == "rebuild-rollups";
if (rebuildRollups)
    args = args[1..];

var builder = WebApplication.CreateBuilder(args);

// http://localhost:5080 unless --urls, ASPNETCORE_URLS or the urls setting says otherwise.
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://localhost:5080");
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);

if (!builder.Environment.IsDevelopment())
    builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

builder.Services.AddOkrCore(builder.Configuration, builder.Environment);
// Keys that protect bearer tokens and cookies survive restarts (and are shared by instances using the same folder).
builder.Services.AddDataProtection()
    .SetApplicationName("Okr")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"]
        ?? Path.Combine(builder.Environment.ContentRootPath, "App_Data", "keys")));
builder.Services.AddAuthorization();
builder.Services.AddForwardedHeadersFromKnownProxies();
builder.Services.AddSignInProtection(builder.Configuration);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    // Every problem carries a stable code, including those the framework writes itself.
    context.ProblemDetails.Extensions.TryAdd("code", ErrorMapping.CodeForStatus(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode));
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(o =>
{
    // One spelling of enumerations for REST and GraphQL: SCREAMING_SNAKE_CASE (ON_TRACK, STAY_AT_LEAST), as GraphQL
    // spells them; numbers are not enumeration values (ADR 0018).
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(
        System.Text.Json.JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
    o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
});
// Bad input is refused while the body is read, for every operation (docs/decisions/0017).
builder.Services.Configure<JsonOptions>(o => Okr.Api.Input.StrictJson.Apply(o.SerializerOptions));
builder.Services.AddOkrOpenApi();

var app = builder.Build();

if (rebuildRollups)
    return await app.Services.RebuildRollupsAsync(Console.Out);

// Behind a proxy, the client's address and scheme as the proxy saw them, before anything reads them (ADR 0020).
app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCrossSiteRequestProtection();
app.UseIdentityQueryCheck();
app.UseCurrentUser();
app.UseIdempotencyKeys();
app.UseAuthorization();

app.UseSwagger();
app.UseSwaggerUI(ui =>
{
    ui.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Okr API v1");
    ui.DocumentTitle = "Okr API";
});

app.MapHealthEndpoint();
app.MapOkrGraphQL();

var api = app.MapGroup("/api");
AuthEndpoints.Map(api);
OrganizationEndpoints.Map(api);
ObjectiveEndpoints.Map(api);
KeyResultEndpoints.Map(api);
InitiativeEndpoints.Map(api);
KpiEndpoints.Map(api);
AnnotationEndpoints.Map(api);
CommentEndpoints.Map(api);
PersonEndpoints.Map(api);
InvitationEndpoints.Map(api);
OrgUnitEndpoints.Map(api);
PeriodEndpoints.Map(api);
FocusAreaEndpoints.Map(api);
ServiceAccountEndpoints.Map(api);
NotificationEndpoints.Map(api);
BusinessReviewEndpoints.Map(api);
EmailEndpoints.Map(api);
BackgroundWorkEndpoints.Map(api);
WebhookEndpoints.Map(api);
// An unknown API path is a 404 problem, never the SPA's index.html; a body that is not JSON is a 415 problem.
api.Map("/{**path}", UnmatchedApiRequest.Handle).ExcludeFromDescription();

app.MapSpa();

await app.Services.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
