using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SmartCitiesStudy.Domain.Editions;
using SmartCitiesStudy.Web.Features.Editions;

namespace SmartCitiesStudy.Web.Tests.Components;

public sealed class EditionStatusChipTests : BunitContext
{
    public EditionStatusChipTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Theory]
    [InlineData(EditionStatus.Draft, "Draft")]
    [InlineData(EditionStatus.Open, "Open")]
    [InlineData(EditionStatus.Published, "Published")]
    public void Shows_the_status_in_words(EditionStatus status, string expected)
    {
        var chip = Render<EditionStatusChip>(p => p.Add(c => c.Status, status));
        Assert.Contains(expected, chip.Markup, StringComparison.Ordinal);
    }
}
