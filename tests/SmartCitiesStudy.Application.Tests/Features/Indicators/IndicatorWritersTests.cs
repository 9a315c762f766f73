using SmartCitiesStudy.Application.Features.Indicators;
using SmartCitiesStudy.Domain.Indicators;

namespace SmartCitiesStudy.Application.Tests.Features.Indicators;

public sealed class IndicatorWritersTests
{
    private static readonly IndicatorDocument Document = new("2017", 20,
    [
        new ShareIndicator("ss_strategy", 15, 20, 75m, 0, [new GroupShare("Europe", 8, 9, 88.9m)], [new GroupShare("100k-1m", 0, 0, null)]),
        new ChoiceIndicator("investment_factors", 19, 1,
        [
            new OptionShare("qualified_human_capital", 11, 57.9m)
            {
                ByRegion = [new GroupShare("Europe", 6, 9, 66.7m)],
                ByPopulationBand = [new GroupShare("over-1m", 3, 7, 42.9m)],
            },
        ]),
        new MeanIndicator("university_share_25_30", 18, 2, 30m, 29.5m) { LowerQuartile = 21.3m, UpperQuartile = 36m },
    ]);

    [Fact]
    public void Json_follows_the_contract_names_order_and_one_decimal_numbers()
    {
        const string expected = """
            {
              "edition": "2017",
              "respondents": 20,
              "source": "responses",
              "indicators": [
                {
                  "id": "ss_strategy",
                  "kind": "share",
                  "numerator": 15,
                  "denominator": 20,
                  "percent": 75.0,
                  "missing": 0,
                  "byRegion": [
                    {
                      "group": "Europe",
                      "numerator": 8,
                      "denominator": 9,
                      "percent": 88.9
                    }
                  ],
                  "byPopulationBand": [
                    {
                      "group": "100k-1m",
                      "numerator": 0,
                      "denominator": 0,
                      "percent": null
                    }
                  ]
                },
                {
                  "id": "investment_factors",
                  "kind": "choice",
                  "denominator": 19,
                  "missing": 1,
                  "options": [
                    {
                      "code": "qualified_human_capital",
                      "numerator": 11,
                      "percent": 57.9,
                      "byRegion": [
                        {
                          "group": "Europe",
                          "numerator": 6,
                          "denominator": 9,
                          "percent": 66.7
                        }
                      ],
                      "byPopulationBand": [
                        {
                          "group": "over-1m",
                          "numerator": 3,
                          "denominator": 7,
                          "percent": 42.9
                        }
                      ]
                    }
                  ]
                },
                {
                  "id": "university_share_25_30",
                  "kind": "mean",
                  "n": 18,
                  "missing": 2,
                  "mean": 30.0,
                  "median": 29.5,
                  "lowerQuartile": 21.3,
                  "upperQuartile": 36.0
                }
              ]
            }

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), IndicatorJson.Write(Document));
    }

    [Fact]
    public void Csv_has_one_row_per_indicator_group_and_option()
    {
        var lines = IndicatorCsv.Write(Document).Split("\r\n");
        Assert.Equal(
            [
                IndicatorCsv.Header,
                "ss_strategy,share,,,,15,20,75.0,0,,,,,",
                "ss_strategy,share,region,Europe,,8,9,88.9,,,,,,",
                "ss_strategy,share,population_band,100k-1m,,0,0,,,,,,,",
                "investment_factors,choice,,,,,19,,1,,,,,",
                "investment_factors,choice,,,qualified_human_capital,11,19,57.9,,,,,,",
                "investment_factors,choice,region,Europe,qualified_human_capital,6,9,66.7,,,,,,",
                "investment_factors,choice,population_band,over-1m,qualified_human_capital,3,7,42.9,,,,,,",
                "university_share_25_30,mean,,,,,,,2,18,30.0,29.5,21.3,36.0",
                string.Empty,
            ],
            lines);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_as_rfc_4180_says(string value, string expected) => Assert.Equal(expected, IndicatorCsv.Quote(value));
}
