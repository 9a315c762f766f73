namespace SmartCitiesStudy.Application.Features.Reports;

/// <summary>Finds, in a first-pass PDF, the page of each section marker (section number → page number).</summary>
public interface ISectionPageFinder
{
    IReadOnlyDictionary<int, int> Find(byte[] pdf);
}
