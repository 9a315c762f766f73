using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Security;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Testing;

namespace SmartCitiesStudy.Application.Tests.Features.Editions;

public sealed class EditionStatusListenerTests
{
    [Fact]
    public async Task Listeners_hear_of_a_stored_change_and_one_that_fails_does_not_undo_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var heard = new RecordingListener();
        await using var services = database.CreateServices(s =>
        {
            s.AddStudyApplication();
            s.AddSingleton<IEditionStatusListener, FailingListener>();
            s.AddSingleton<IEditionStatusListener>(heard);
        });
        int version;
        await using (var db = database.CreateContext())
        {
            version = (await db.Editions.SingleAsync(e => e.Code == "2019", ct)).Version;
        }

        var result = await services.GetRequiredService<ChangeEditionStatus>()
            .ExecuteAsync("2019", EditionAction.Reopen, version, StudyUser.System, "Correct a figure", ct);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("2019", EditionStatus.Published, EditionStatus.Closed), Assert.Single(heard.Changes));
        await using (var db = database.CreateContext())
        {
            Assert.Equal(EditionStatus.Closed, (await db.Editions.SingleAsync(e => e.Code == "2019", ct)).Status);
        }
    }

    private sealed class RecordingListener : IEditionStatusListener
    {
        public List<(string, EditionStatus, EditionStatus)> Changes { get; } = [];

        public Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken)
        {
            Changes.Add((editionCode, before, after));
            return Task.CompletedTask;
        }
    }

    private sealed class FailingListener : IEditionStatusListener
    {
        public Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("listener broke");
    }
}
