using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;

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
        services.AddSingleton<OpenResponse>();
        services.AddSingleton<SaveAnswer>();
        services.AddSingleton<SubmitResponse>();
        services.AddSingleton<ListMyQuestionnaires>();
        services.AddSingleton<ComputeIndicators>();
        return services;
    }
}
