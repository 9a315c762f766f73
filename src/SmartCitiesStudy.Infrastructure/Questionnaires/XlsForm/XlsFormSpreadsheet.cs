using SmartCitiesStudy.Application.Abstractions;
using SmartCitiesStudy.Domain.Questionnaires;

namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>XLSForm workbooks through MiniExcel.</summary>
public sealed class XlsFormSpreadsheet : IQuestionnaireSpreadsheet
{
    public void Write(QuestionnaireDefinition definition, Stream output, int? version = null) =>
        XlsFormWriter.Write(definition, output, version);

    public QuestionnaireSpreadsheetRead Read(Stream input) => XlsFormReader.Read(input);
}
