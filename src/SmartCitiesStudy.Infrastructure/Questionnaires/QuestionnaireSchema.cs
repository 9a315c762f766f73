namespace SmartCitiesStudy.Infrastructure.Questionnaires;

/// <summary>
/// The JSON Schema of the questionnaire format (Questionnaires/questionnaire.schema.json, embedded), for editors.
/// The reader and <c>DefinitionValidator</c> stay the judges; tests keep the schema in step with them.
/// </summary>
public static class QuestionnaireSchema
{
    public const string FileName = "questionnaire.schema.json";

    public static string Read()
    {
        using var stream = typeof(QuestionnaireSchema).Assembly.GetManifestResourceStream("Schemas/" + FileName)
            ?? throw new InvalidOperationException("The questionnaire schema is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
