using Microsoft.Extensions.FileProviders;
using SmartCitiesStudy.Web.Hosting;

namespace SmartCitiesStudy.Web.Tests.Hosting;

public sealed class StaticAssetsCheckTests
{
    [Fact]
    public void A_build_output_without_the_packages_static_files_is_told_apart_from_a_published_one()
    {
        var root = Directory.CreateTempSubdirectory("scs-wwwroot-");
        try
        {
            using (var built = new PhysicalFileProvider(root.FullName))
            {
                Assert.True(StaticAssetsCheck.Missing(built));
            }

            var probe = Path.Combine(root.FullName, StaticAssetsCheck.Probe.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(probe)!);
            File.WriteAllText(probe, ".mud-button{}");
            using var published = new PhysicalFileProvider(root.FullName);
            Assert.False(StaticAssetsCheck.Missing(published));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
