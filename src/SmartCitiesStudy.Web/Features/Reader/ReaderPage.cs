using Microsoft.AspNetCore.Components;
using SmartCitiesStudy.Domain.Questionnaires;
using SmartCitiesStudy.Web.Localization;

namespace SmartCitiesStudy.Web.Features.Reader;

/// <summary>Base of the reader components: the reader's language for questionnaire texts (L comes from _Imports).</summary>
public abstract class ReaderComponent : ComponentBase
{
    /// <summary>The reader's language: en, es or fr.</summary>
    protected static string Lang => StudyCultures.Current;

    protected static string Text(LocalizedText? text) => text?.Get(Lang) ?? string.Empty;
}

/// <summary>
/// Base of the reader pages (static server-side rendering): adds the friendly 404 for anything that is not public.
/// </summary>
public abstract class ReaderPage : ReaderComponent
{
    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>True once the page found nothing public to show; it renders nothing and answers 404.</summary>
    protected bool IsNotFound { get; private set; }

    /// <summary>Answers with the not-found page and status 404 (an unknown or unpublished edition, city or practice).</summary>
    protected void ShowNotFound()
    {
        IsNotFound = true;
        Navigation.NotFound();
    }
}
