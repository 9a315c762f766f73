using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Reports;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>
/// <c>/editions/{code}/conclusions</c>: chapters 4 and 5 of a published study — the barriers and facilitating
/// elements of each field and the cross-cutting ones (most named first, "x of N"), the conclusions and their table.
/// </summary>
public sealed partial class ConclusionsPage : ReaderPage
{
    [Inject]
    private ListEditions ListEditions { get; set; } = default!;

    [Inject]
    private BuildStudyReport BuildStudyReport { get; set; } = default!;

    [Parameter]
    public string Code { get; set; } = string.Empty;

    private StudyReportModel? _study;

    protected override async Task OnInitializedAsync()
    {
        var published = (await ListEditions.ExecuteAsync(publishedOnly: true)).Any(e => e.Code == Code);
        _study = published ? await BuildStudyReport.ExecuteAsync(Code, Lang) : null;
        if (_study is null)
        {
            ShowNotFound();
        }
    }
}
