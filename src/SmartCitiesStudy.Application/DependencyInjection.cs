using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCitiesStudy.Application.Features.Archive;
using SmartCitiesStudy.Application.Features.Cities;
using SmartCitiesStudy.Application.Features.Dashboard;
using SmartCitiesStudy.Application.Features.Editions;
using SmartCitiesStudy.Application.Features.Exports;
using SmartCitiesStudy.Application.Features.Facts;
using SmartCitiesStudy.Application.Features.Imports;
using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Application.Features.Notices;
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
        services.AddSingleton<Features.Texts.LoadEditionTexts>();
        services.AddSingleton<Features.Texts.SetEditionText>();
        services.AddSingleton<Features.Texts.ImportEditionTexts>();
        services.AddSingleton<Features.Texts.ListTextHistory>();
        services.AddSingleton<SetEditionDeadline>();
        services.AddSingleton<CountEditionResponses>();
        services.AddSingleton<PlanEditionCalendar>();
        services.AddSingleton<ExtendCityDeadline>();
        services.TryAddSingleton(new ScheduleOptions());
        services.AddSingleton<RunDailySchedule>();
        services.AddSingleton<LoadQuestionnaire>();
        services.AddSingleton<SaveQuestionnaire>();
        services.AddSingleton<ImportQuestionnaireSpreadsheet>();
        services.AddSingleton<OpenResponse>();
        services.AddSingleton<SaveAnswer>();
        services.AddSingleton<SubmitResponse>();
        services.AddSingleton<StartFromLastAnswers>();
        services.AddSingleton<ListMyQuestionnaires>();
        services.AddSingleton<LoadPublishedStudy>();
        services.AddSingleton<AttachOriginalPublication>();
        services.AddSingleton<OriginalPublications>();
        services.AddSingleton<LoadEditionFacts>();
        services.AddSingleton<ChangeEditionFacts>();
        services.AddSingleton<ComputeIndicators>();
        services.AddSingleton<ComputeTrend>();
        services.AddSingleton<ComputeFollowedFigures>();
        services.AddSingleton<ListOtherAnswers>();
        services.AddSingleton<ExportApprovedResponses>();
        services.AddSingleton<Features.DataPackages.LoadCitationSettings>();
        services.AddSingleton<Features.DataPackages.CiteEdition>();
        services.AddSingleton<Features.DataPackages.BuildDataPackage>();
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
        services.AddSingleton<ConfirmCarriedPopulations>();
        services.AddSingleton<ImportCities>();
        services.AddSingleton<ExportCities>();
        services.AddSingleton<CityContacts>();
        services.AddSingleton<ImportResponses>();
        services.AddSingleton<LoadEditionDashboard>();
        services.AddSingleton<ListOutbox>();
        services.AddSingleton<Features.Peers.ListPeers>();
        services.AddSingleton<Features.Peers.LearnFromPeers>();
        return services;
    }
}
