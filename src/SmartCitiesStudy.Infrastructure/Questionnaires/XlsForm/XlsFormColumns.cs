namespace SmartCitiesStudy.Infrastructure.Questionnaires.XlsForm;

/// <summary>Sheet and column names of the XLSForm spreadsheets (docs/questionnaire-format.md, "XLSForm").</summary>
internal static class XlsFormColumns
{
    public const string Survey = "survey";
    public const string Choices = "choices";
    public const string Settings = "settings";

    public const string TypeColumn = "type";
    public const string Name = "name";
    public const string Label = "label";
    public const string Hint = "hint";
    public const string Required = "required";
    public const string Relevant = "relevant";
    public const string ConstraintColumn = "constraint";
    public const string Appearance = "appearance";
    public const string Decimals = "decimals";
    public const string Unit = "unit";
    public const string Indicator = "indicator";
    public const string IndicatorLabel = "indicator_label";
    public const string MinItems = "min_items";
    public const string MaxItems = "max_items";
    public const string ItemTitle = "item_title";
    public const string ListName = "list_name";
    public const string FormTitle = "form_title";
    public const string FormId = "form_id";
    public const string VersionColumn = "version";
    public const string DefaultLanguage = "default_language";
    public const string Intro = "intro";
    public const string SameAs = "same_as";

    /// <summary>The choice list of yes/no questions.</summary>
    public const string YesNoList = "yes_no";

    public static IReadOnlyList<(string Code, string Name)> Languages { get; } =
        [("en", "English (en)"), ("es", "Español (es)"), ("fr", "Français (fr)")];

    /// <summary><c>label::English (en)</c>; English-only settings columns (form_title) have no suffix.</summary>
    public static string Translated(string column, string language) =>
        $"{column}::{Languages.Single(l => l.Code == language).Name}";
}
