using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.GraphQL.Execution;
using Okr.Application.Notifications.Queries.GetMyNotifications;
using Okr.Application.OkrGraph.Queries.Directory;
using Okr.Application.OkrGraph.Queries.FindObjectives;
using Okr.Application.OkrGraph.Queries.GetAlignmentGraph;
using Okr.Application.OkrGraph.Queries.GetDashboard;
using Okr.Application.OkrGraph.Queries.GetMyKeyResults;
using Okr.Application.OkrGraph.Queries.GetObjectiveViews;
using Okr.Application.OkrGraph.Queries.GetOkrFindings;
using Okr.Application.OkrGraph.Queries.GetOkrTree;
using Okr.Application.Administration.Queries;
using Okr.Application.Reviews.Queries.BusinessReviews;
using Okr.Domain.Messaging;
using Okr.Application.Webhooks.Queries.ListWebhookDeliveries;
using Okr.Application.Webhooks.Queries.ListWebhookSubscriptions;
using Okr.Domain.Periods;

namespace Okr.Api.GraphQL.Types;

/// <summary>The root of every read. Each field sends one Mediator query, so the pipeline (logging, authorisation, validation) applies.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    private const string AsOfDescription =
        "Answer with the values as they stood at this past instant (ISO 8601, e.g. 2026-11-01T00:00:00Z): only check-ins recorded and effective by then count, and statuses and expected progress are evaluated then. Default: now.";

    public QueryGraphType()
    {
        Name = "Query";
        Description = "The OKR graph: reads only (writes are the REST API's).";

        Field<MeGraphType>("me").Description("Who is calling.").ResolveAsync(async c => await c.SendAsync(new GetMe()));
        Field<OrganizationGraphType>("organization").ResolveAsync(async c => await c.SendAsync(new GetOrganization()));

        Field<NonNullGraphType<NotificationConnectionGraphType>>("notifications")
            .Description("The caller's own notifications, newest first (cursor pagination). Mark them read over REST.")
            .Argument<IntGraphType>("first", $"Page size, at most {GetMyNotifications.MaxPageSize}.", a => a.DefaultValue = GetMyNotifications.DefaultPageSize)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Argument<BooleanGraphType>("unreadOnly", "Only those not read yet.", a => a.DefaultValue = false)
            .WithComplexityImpact(1, ListSizes.Notifications)
            .ResolveAsync(async c => await c.SendAsync(new GetMyNotifications(
                c.GetArgument("first", GetMyNotifications.DefaultPageSize), c.GetArgument<string?>("after"), c.GetArgument("unreadOnly", false))));
        Field<NonNullGraphType<IntGraphType>>("unreadNotificationCount").Description("How many of the caller's notifications are unread.")
            .ResolveAsync(async c => await c.SendAsync(new GetMyUnreadNotificationCount()));

        Field<ListGraphType<NonNullGraphType<PeriodGraphType>>>("periods").Description("Years and quarters, by start.")
            .Argument<EnumerationGraphType<PeriodKind>>("kind")
            .Argument<EnumerationGraphType<PeriodState>>("state")
            .WithComplexityImpact(1, ListSizes.Periods)
            .ResolveAsync(async c => await c.SendAsync(new ListPeriods(c.GetArgument<PeriodKind?>("kind"), c.GetArgument<PeriodState?>("state"))));
        Field<PeriodGraphType>("period")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.SendAsync(new GetPeriod(c.Id("id"))));

        Field<ListGraphType<NonNullGraphType<OrgUnitGraphType>>>("orgUnits").Description("The root units, or the children of parentId.")
            .Argument<IdGraphType>("parentId")
            .WithComplexityImpact(1, ListSizes.Units)
            .ResolveAsync(async c => await c.SendAsync(new ListOrgUnits(c.OptionalId("parentId"))));
        Field<OrgUnitGraphType>("orgUnit")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.SendAsync(new GetOrgUnit(c.Id("id"))));

        Field<ListGraphType<NonNullGraphType<PersonGraphType>>>("people").Description("The organisation's people, by name.")
            .Argument<BooleanGraphType>("includeInactive", "Also deactivated people.", a => a.DefaultValue = false)
            .Argument<StringGraphType>("search", "Part of a name or an email address.")
            .WithComplexityImpact(1, ListSizes.People)
            .ResolveAsync(async c => await c.SendAsync(new ListPeople(c.GetArgument("includeInactive", false), c.GetArgument<string?>("search"))));
        Field<ListGraphType<NonNullGraphType<InvitationGraphType>>>("invitations")
            .Description("The organisation's invitations, newest first. Admins only.")
            .Argument<BooleanGraphType>("pendingOnly", "Only those that can still be accepted.", a => a.DefaultValue = false)
            .WithComplexityImpact(1, ListSizes.People)
            .ResolveAsync(async c => await c.SendAsync(new ListInvitations(c.GetArgument("pendingOnly", false))));

        Field<ListGraphType<NonNullGraphType<WebhookSubscriptionGraphType>>>("webhookSubscriptions")
            .Description("The organisation's outbound webhook subscriptions, oldest first; never their secrets. Admins only.")
            .WithComplexityImpact(1, ListSizes.WebhookSubscriptions)
            .ResolveAsync(async c => await c.SendAsync(new ListWebhookSubscriptions()));
        Field<ListGraphType<NonNullGraphType<WebhookDeliveryGraphType>>>("webhookDeliveries")
            .Description("A webhook subscription's delivery log, newest first. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("subscriptionId")
            .Argument<IntGraphType>("first", "How many, 1 to 200.", a => a.DefaultValue = 50)
            .WithComplexityImpact(1, ListSizes.WebhookDeliveries)
            .ResolveAsync(async c => await c.SendAsync(new ListWebhookDeliveries(c.Id("subscriptionId"), c.GetArgument("first", 50))));

        Field<ObjectiveConnectionGraphType>("objectives").Description("Objectives matching a filter, a page at a time (cursor pagination).")
            .Argument<ObjectiveFilterInputGraphType>("filter")
            .Argument<IntGraphType>("first", $"Page size, at most {FindObjectives.MaxPageSize}.", a => a.DefaultValue = FindObjectives.DefaultPageSize)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await c.SendAsync(new FindObjectives(
                c.GetArgument<ObjectiveFilter>("filter") ?? new ObjectiveFilter(),
                c.GetArgument("first", FindObjectives.DefaultPageSize),
                c.GetArgument<string?>("after"))));
        Field<ObjectiveGraphType>("objective")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<DateTimeOffsetGraphType>("asOf", AsOfDescription)
            .ResolveAsync(async c => await c.SendAsync(new GetObjectiveView(c.Id("id"), c.AsOf())));
        Field<KeyResultGraphType>("keyResult")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<DateTimeOffsetGraphType>("asOf", AsOfDescription)
            .ResolveAsync(async c => await c.SendAsync(new GetKeyResultView(c.Id("id"), c.AsOf())));

        Field<OkrTreeGraphType>("okrTree").Description("The unit tree of a period with each unit's objectives and key results.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<IdGraphType>("rootUnitId", "Default: the company.")
            .Argument<DateTimeOffsetGraphType>("asOf", AsOfDescription)
            .Argument<IntGraphType>("depth", "How many levels of units below the root to include (default: all). Fetch a large tree a level at a time: depth 1, then each child as rootUnitId. progressWithDescendants always covers the whole subtree. A tree of more objectives than the server allows in one answer (10,000 by default) is refused with TREE_TOO_LARGE.")
            .ResolveAsync(async c => await c.SendAsync(new GetOkrTree(c.Id("periodId"), c.OptionalId("rootUnitId"), c.AsOf(), c.GetArgument<int?>("depth"),
                c.RequestServices!.GetRequiredService<GraphQLLimits>().MaxTreeObjectives)));
        Field<MyKeyResultsGraphType>("myKeyResults")
            .Description("The caller's key results in a period (those they own and those their units own), what needs a check-in first: My week without the whole tree.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<DateTimeOffsetGraphType>("asOf", AsOfDescription)
            .ResolveAsync(async c => await c.SendAsync(new GetMyKeyResults(c.Id("periodId"), c.AsOf())));
        Field<AlignmentGraphGraphType>("alignmentGraph").Description("The alignment graph of a period as nodes and edges, ready to draw. A graph of more objectives than the server allows in one answer (10,000 by default) is refused with TREE_TOO_LARGE: ask for a unit's graph.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<IdGraphType>("rootUnitId", "Default: the company.")
            .ResolveAsync(async c => await c.SendAsync(new GetAlignmentGraph(c.Id("periodId"), c.OptionalId("rootUnitId"),
                c.RequestServices!.GetRequiredService<GraphQLLimits>().MaxTreeObjectives)));
        Field<DashboardGraphType>("dashboard").Description("The executive binder of a unit for a period.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<IdGraphType>("unitId", "Default: the company.")
            .Argument<BooleanGraphType>("includeDescendants", "Also the units below it.", a => a.DefaultValue = true)
            .Argument<DateTimeOffsetGraphType>("asOf", AsOfDescription)
            .Argument<IntGraphType>("needsAttention", $"At most this many key results in each of atRisk, offTrack and stale, those furthest behind first (at most {GetDashboard.MaxNeedsAttention}); keyResultsByStatus has the full counts.",
                a => a.DefaultValue = GetDashboard.DefaultNeedsAttention)
            .ResolveAsync(async c => await c.SendAsync(new GetDashboard(c.Id("periodId"), c.OptionalId("unitId"),
                c.GetArgument("includeDescendants", true), c.AsOf(), c.GetArgument("needsAttention", GetDashboard.DefaultNeedsAttention))));
        Field<BusinessReviewConnectionGraphType>("businessReviews").Description("A unit's published business reviews of a period, the latest instant first (cursor pagination).")
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<IntGraphType>("first", $"Page size, at most {GetBusinessReviews.MaxPageSize}.", a => a.DefaultValue = GetBusinessReviews.DefaultPageSize)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .ResolveAsync(async c => await c.SendAsync(new GetBusinessReviews(c.Id("unitId"), c.Id("periodId"),
                c.GetArgument("first", GetBusinessReviews.DefaultPageSize), c.GetArgument<string?>("after"))));
        Field<BusinessReviewGraphType>("businessReview").Description("One published business review, as it was published.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.SendAsync(new GetBusinessReview(c.Id("id"))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BackgroundJobGraphType>>>>("backgroundJobs")
            .Description("The background engine's jobs with their last and next fire (admins).")
            .ResolveAsync(async c => await c.SendAsync(new GetBackgroundJobs()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutboxMessageGraphType>>>>("outboxMessages")
            .Description("The organisation's outbox, newest first, with attempts and last errors (admins).")
            .Argument<EnumerationGraphType<OutboxState>>("state", "Only messages in this state.")
            .Argument<IntGraphType>("first", $"How many, at most {GetOutboxMessages.MaxCount}.", a => a.DefaultValue = GetOutboxMessages.DefaultCount)
            .ResolveAsync(async c => await c.SendAsync(new GetOutboxMessages(c.GetArgument<OutboxState?>("state"), c.GetArgument("first", GetOutboxMessages.DefaultCount))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReminderDeliveryGraphType>>>>("reminderDeliveries")
            .Description("Check-in reminders, nudges and escalations written to the outbox, newest first, with their email's state (admins).")
            .Argument<IntGraphType>("first", $"How many, at most {GetOutboxMessages.MaxCount}.", a => a.DefaultValue = GetOutboxMessages.DefaultCount)
            .ResolveAsync(async c => await c.SendAsync(new GetReminderDeliveries(c.GetArgument("first", GetOutboxMessages.DefaultCount))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MailFileGraphType>>>>("mailFiles")
            .Description("The organisation's emails written as files because no SMTP server is configured, newest first (admins).")
            .Argument<IntGraphType>("first", $"How many, at most {GetOutboxMessages.MaxCount}.", a => a.DefaultValue = GetOutboxMessages.DefaultCount)
            .ResolveAsync(async c => await c.SendAsync(new GetMailFiles(c.GetArgument("first", GetOutboxMessages.DefaultCount))));
        Field<ListGraphType<NonNullGraphType<CoachFindingGraphType>>>("okrFindings")
            .Description("The OKR coach's findings on a period's OKRs, most severe first.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<IdGraphType>("unitId", "A unit and the units below it; default: the whole organisation.")
            .WithComplexityImpact(1, ListSizes.Findings)
            .ResolveAsync(async c => await c.SendAsync(new GetOkrFindings(c.Id("periodId"), c.OptionalId("unitId"))));
    }
}
