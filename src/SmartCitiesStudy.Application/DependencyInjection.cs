using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Questionnaires;

namespace SmartCitiesStudy.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases. They are stateless and create a database context per call.</summary>
    public static IServiceCollection AddStudyApplication(this IServiceCollection services)
    {
        services.AddSingleton<ListEditions>();
        services.AddSingleton<ChangeEditionStatus>();
        services.AddSingleton<CreateEdition>();
        services.AddSingleton<LoadQuestionnaire>();
        services.AddSingleton<SaveQuestionnaire>();
        services.AddSingleton<ComputeIndicators>();
        return services;
    }
}
