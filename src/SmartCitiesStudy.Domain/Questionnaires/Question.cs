namespace SmartCitiesStudy.Domain.Questionnaires;

/// <summary>A question of a questionnaire, or a repeatable group of fields (<see cref="QuestionType.Group"/>).</summary>
public sealed record Question
{
    public const int DefaultShortTextLength = 200;
    public const int MaxShortTextLength = 500;
    public const int DefaultLongTextLength = 4000;
    public const int MaxLongTextLength = 20_000;
    public const int MaxUrlLength = 2000;
    public const int MaxOtherLength = 200;
    public const int DefaultMaxItems = 20;

    public required string Code { get; init; }

    public required QuestionType Type { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Help { get; init; }

    /// <summary>Must be answered (while shown) before the response can be submitted.</summary>
    public bool Required { get; init; }

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>Choice questions: adds "Other, please specify" (answer code <c>other</c> with a text).</summary>
    public bool AllowOther { get; init; }

    public int? MaxChoices { get; init; }

    public LocalizedText? Unit { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public int? Decimals { get; init; }

    public int? MaxLength { get; init; }

    public ShowCondition? ShowWhen { get; init; }

    public IndicatorDefinition? Indicator { get; init; }

    /// <summary>
    /// The question of another edition this one means the same as, <c>"2017:open_data_portal"</c> (see
    /// <see cref="SameAsLink"/>): figures of linked questions are followed across editions.
    /// </summary>
    public string? SameAs { get; init; }

    /// <summary>Groups: the fields of each item.</summary>
    public IReadOnlyList<Question> Questions { get; init; } = [];

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>Groups: the label of one item ("Good practice").</summary>
    public LocalizedText? ItemTitle { get; init; }

    public const string OtherCode = "other";

    public int EffectiveMaxLength => Type switch
    {
        QuestionType.ShortText => MaxLength ?? DefaultShortTextLength,
        QuestionType.LongText => MaxLength ?? DefaultLongTextLength,
        QuestionType.Url => MaxUrlLength,
        _ => 0,
    };

    public int EffectiveDecimals => Decimals ?? 0;

    public int EffectiveMaxItems => MaxItems ?? DefaultMaxItems;

    public bool HasOption(string code) =>
        Options.Any(o => o.Code == code) || (AllowOther && code == OtherCode);
}
