namespace SmartCitiesStudy.Reports.Text;

/// <summary>
/// The study PDF's texts about an edition's facts (publisher, dates) and a reconstructed questionnaire, kept apart
/// from <see cref="ReportText"/> so the facts stay one small block.
/// </summary>
public sealed record FactsText(string PublishedBy, string DataCollected, string PublicationDate, string QuestionnaireReconstructed)
{
    private static readonly FactsText En = new(
        "Published by",
        "Data collected",
        "Publication date",
        "The questionnaire below is a reconstruction written in the spirit of the study published at the time: the original form has not been found.");

    private static readonly FactsText Es = new(
        "Publicado por",
        "Recogida de datos",
        "Fecha de publicación",
        "El cuestionario que sigue es una reconstrucción escrita en el espíritu del estudio publicado en su momento: no se ha encontrado el formulario original.");

    private static readonly FactsText Fr = new(
        "Publié par",
        "Collecte des données",
        "Date de publication",
        "Le questionnaire ci-dessous est une reconstruction écrite dans l'esprit de l'étude publiée à l'époque : le formulaire original n'a pas été retrouvé.");

    public static FactsText For(string language) => ReportLanguage.Normalize(language) switch
    {
        "es" => Es,
        "fr" => Fr,
        _ => En,
    };
}
