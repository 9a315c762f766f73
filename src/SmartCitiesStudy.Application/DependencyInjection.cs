using Microsoft.Extensions.DependencyInjection;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Outbox;
using SmartCitiesStudy.Application.Features.Publication;
using SmartCitiesStudy.Application.Features.Questionnaires;
using SmartCitiesStudy.Application.Features.Responses;
using SmartCitiesStudy.Application.Features.Review;

namespace SmartCitiesStudy.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use cases. They are stateless and create a database context per call.</summary>
    public static IServiceCollection AddStudyApplication(this IServiceCollection services)
    {
        services.AddSingleton<ListEditions>();
        services.AddSingleton<ChangeEditionStatus>();
        services.AddSingleton<PreviewPublication>();
        services.AddSingleton<CreateEdition>();
        services.AddSingleton<LoadQuestionnaire>();
        services.AddSingleton<SaveQuestionnaire>();
        services.AddSingleton<ImportQuestionnaireSpreadsheet>();
        services.AddSingleton<OpenResponse>();
        services.AddSingleton<SaveAnswer>();
        services.AddSingleton<SubmitResponse>();
        services.AddSingleton<ListMyQuestionnaires>();
        services.AddSingleton<LoadPublishedStudy>();
        services.AddSingleton<ComputeIndicators>();
        services.AddSingleton<ComputeTrend>();
        services.AddSingleton<ExportApprovedResponses>();
        services.AddSingleton<ListParticipants>();
        services.AddSingleton<ListGoodPractices>();
        services.AddSingleton<ReadPublicationStamp>();
        services.AddSingleton<ListCityParticipation>();
        services.AddSingleton<ResponseComments>();
        services.AddSingleton<DecideResponse>();
        services.AddSingleton<CorrectAnswer>();
        services.AddSingleton<ListResponsesToReview>();
        services.AddSingleton<ReviewSessionLoader>();
        services.AddSingleton<ResponseAuditTrail>();
        services.AddSingleton<ListCities>();
        services.AddSingleton<SaveCity>();
        services.AddSingleton<SetPopulation>();
        services.AddSingleton<ImportCities>();
        services.AddSingleton<ImportResponses>();
        services.AddSingleton<LoadEditionDashboard>();
        services.AddSingleton<ListOutbox>();
        return services;
    }
}
