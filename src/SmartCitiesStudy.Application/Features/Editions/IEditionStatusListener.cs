using SmartCitiesStudy.Domain.Editions;

namespace SmartCitiesStudy.Application.Features.Editions;

/// <summary>
/// Told after an edition's status change is stored (published, reopened…): the reader site drops its cached
/// pages, the study PDFs are generated. Every registered listener is called; one that fails is logged by the
/// caller and does not undo the change. Listeners must return quickly: start long work in the background.
/// </summary>
public interface IEditionStatusListener
{
    Task EditionStatusChangedAsync(string editionCode, EditionStatus before, EditionStatus after, CancellationToken cancellationToken);
}
