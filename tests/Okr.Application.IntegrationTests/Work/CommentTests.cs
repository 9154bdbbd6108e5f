using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Comments.Commands.CreateComment;
using Okr.Application.Comments.Commands.DeleteComment;
using Okr.Application.Comments.Commands.UpdateComment;
using Okr.Application.Comments.Queries.GetComment;
using Okr.Application.Common.Exceptions;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Work;

public sealed class CommentTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Members_comment_on_objectives_and_key_results_they_can_see(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (restrictedObjective, restrictedKeyResult) = await world.RestrictedKeyResultAsync();
        world.ActAs("jorge");

        var onObjective = await test.SendAsync(new CreateComment { ObjectiveId = world.CompanyObjectiveId, Text = "Which customers count as right?" });
        var onKeyResult = await test.SendAsync(new CreateComment { KeyResultId = world.CompanyKeyResultId, Text = "Is 75% ambitious enough?" });
        var both = () => test.SendAsync(new CreateComment { ObjectiveId = world.CompanyObjectiveId, KeyResultId = world.CompanyKeyResultId, Text = "x" });
        var neither = () => test.SendAsync(new CreateComment { Text = "Into the void" });
        var hiddenObjective = () => test.SendAsync(new CreateComment { ObjectiveId = restrictedObjective, Text = "Peek" });
        var hiddenKeyResult = () => test.SendAsync(new CreateComment { KeyResultId = restrictedKeyResult, Text = "Peek" });

        onObjective.AuthorId.Should().Be(world.Person("jorge"));
        onObjective.ObjectiveId.Should().Be(world.CompanyObjectiveId);
        onKeyResult.KeyResultId.Should().Be(world.CompanyKeyResultId);
        onKeyResult.CreatedAt.Should().Be(test.Clock.UtcNow);
        (await both.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "ObjectiveId");
        (await neither.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "ObjectiveId");
        (await hiddenObjective.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "ObjectiveId");
        (await hiddenKeyResult.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultId");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_comment_on_a_restricted_objective_is_hidden_from_outsiders(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, restrictedKeyResult) = await world.RestrictedKeyResultAsync();
        var comment = await test.SendAsync(new CreateComment { KeyResultId = restrictedKeyResult, Text = "Billing cut-over is on the 3rd" });

        world.ActAs("sam");
        var read = () => test.SendAsync(new GetComment(comment.Id));
        await read.Should().ThrowAsync<NotFoundException>();
        var delete = () => test.SendAsync(new DeleteComment(comment.Id));
        await delete.Should().ThrowAsync<NotFoundException>("what cannot be seen cannot be refused either: it does not exist");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_author_rewrites_a_comment_not_even_an_admin(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("jorge");
        var comment = await test.SendAsync(new CreateComment { ObjectiveId = world.CompanyObjectiveId, Text = "First thought" });
        test.Clock.Advance(TimeSpan.FromMinutes(5));

        var edited = await test.SendAsync(new UpdateComment { Id = comment.Id, Text = "Second thought", ExpectedVersion = 1 });
        var stale = () => test.SendAsync(new UpdateComment { Id = comment.Id, Text = "Third thought", ExpectedVersion = 1 });

        edited.Text.Should().Be("Second thought");
        edited.EditedAt.Should().Be(test.Clock.UtcNow);
        edited.Version.Should().Be(2);
        await stale.Should().ThrowAsync<ConcurrencyException>();
        world.ActAs("admin");
        var byAdmin = () => test.SendAsync(new UpdateComment { Id = comment.Id, Text = "Words in your mouth" });
        await byAdmin.Should().ThrowAsync<ForbiddenException>();
        (await test.SendAsync(new GetComment(comment.Id))).Text.Should().Be("Second thought");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_is_soft_for_the_author_and_moderators_only(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("member");
        var productManagementObjective = world.Demo.Objectives.First(o => o.OwningUnitId == world.Unit("Product Management") && o.PeriodId == world.CurrentPeriodId);
        var onKeyResult = await test.SendAsync(new CreateComment { KeyResultId = productManagementObjective.KeyResults[0].Id, Text = "Can we measure this weekly?" });
        var onObjective = await test.SendAsync(new CreateComment { ObjectiveId = productManagementObjective.Id, Text = "Love it" });

        foreach (var bystander in new[] { "jorge", "nina" })
        {
            world.ActAs(bystander);
            var delete = () => test.SendAsync(new DeleteComment(onKeyResult.Id));
            await delete.Should().ThrowAsync<ForbiddenException>($"{bystander} is neither the author nor a lead over Product Management");
        }

        world.ActAs("lead");
        await test.SendAsync(new DeleteComment(onKeyResult.Id, onKeyResult.Version));
        world.ActAs("member");
        await test.SendAsync(new DeleteComment(onObjective.Id));

        var read = () => test.SendAsync(new GetComment(onKeyResult.Id));
        await read.Should().ThrowAsync<NotFoundException>();
        var kept = await test.WithDbAsync(db => db.Comments.IgnoreQueryFilters().Where(c => c.Id == onKeyResult.Id || c.Id == onObjective.Id).ToListAsync());
        kept.Should().HaveCount(2).And.OnlyContain(c => c.IsDeleted);
    }
}
