using Microsoft.Playwright;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>Playwright's web-first assertions (they retry until the page settles) next to xunit's Assert.</summary>
internal static class Assert
{
    public static ILocatorAssertions That(ILocator locator) => Assertions.Expect(locator);
}
