using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SmartCitiesStudy.BrowserTests;

/// <summary>axe-core on the page as it is now: no serious or critical violation, listed by rule and element if any.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        // A snackbar or dialog fading in is half transparent: axe would measure the contrast of the animation.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)");
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Xunit.Assert.True(serious.Count == 0, $"{where} ({page.Url}):\n" + string.Join('\n', serious.Select(v =>
            $"- {v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html + " → " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))))}")));
    }
}
