using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace SmartCitiesStudy.Web.Tests.Deployment;

/// <summary>
/// docker-compose.yml read as Compose reads it (anchors and merge keys resolved): the services, the migrate step
/// before the web app, health checks, the Data Protection certificate as a secret, and no secret written in the file.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));

    private static readonly Dictionary<object, object> Compose =
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(new StringReader(Text))));

    private static Dictionary<object, object> Services => Map(Compose, "services");

    [Fact]
    public void It_runs_postgres_a_migrate_step_and_the_portal()
    {
        Assert.Equal(["db", "migrate", "web"], Services.Keys.Select(k => (string)k).Order(StringComparer.Ordinal));
        var migrate = Map(Services, "migrate");
        var command = string.Join(' ', Words(migrate, "entrypoint").Concat(Words(migrate, "command")));
        Assert.Matches("SmartCitiesStudy\\.Cli\\.dll db migrate$", command);
        Assert.Equal("no", migrate["restart"]);
    }

    [Fact]
    public void The_portal_starts_only_after_the_migration_succeeded_and_the_migration_after_the_database_is_healthy()
    {
        Assert.Equal("service_completed_successfully", Map(Map(Map(Services, "web"), "depends_on"), "migrate")["condition"]);
        Assert.Equal("service_healthy", Map(Map(Map(Services, "migrate"), "depends_on"), "db")["condition"]);
    }

    [Fact]
    public void The_database_and_the_portal_have_health_checks_and_the_portal_checks_readiness()
    {
        Assert.Contains("pg_isready", string.Join(' ', Words(Map(Services, "db"), "healthcheck", "test")), StringComparison.Ordinal);
        Assert.Contains("/health/ready", string.Join(' ', Words(Map(Services, "web"), "healthcheck", "test")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_portal_gets_its_key_certificate_from_mounted_secrets()
    {
        var web = Map(Services, "web");
        var environment = Map(web, "environment");
        Assert.StartsWith("/run/secrets/", (string)environment["DataProtection__Certificate__Path"], StringComparison.Ordinal);
        Assert.StartsWith("/run/secrets/", (string)environment["DataProtection__Certificate__KeyPath"], StringComparison.Ordinal);
        Assert.False(environment.ContainsKey("DataProtection__AllowUnencryptedKeys"), "the compose file must not turn off key encryption");
        var secrets = Map(Compose, "secrets");
        foreach (var name in Words(web, "secrets"))
        {
            var secret = Map(secrets, name);
            Assert.True(secret.ContainsKey("file") || secret.ContainsKey("environment"), $"secret {name} comes from neither a file nor an environment variable");
            if (secret.TryGetValue("file", out var file))
            {
                Assert.Contains("${", (string)file, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void No_secret_is_written_in_the_file()
    {
        // Every password, key or secret is interpolated from the environment: ${NAME} or ${NAME:?message}.
        var literal = Text.Split('\n')
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => SecretSetting().Matches(line.Split(" #")[0]))
            .Where(m => !m.Groups["value"].Value.StartsWith("${", StringComparison.Ordinal))
            .Select(m => m.Value)
            .ToList();
        Assert.True(literal.Count == 0, "Secrets written in docker-compose.yml:\n" + string.Join('\n', literal));
    }

    private static Dictionary<object, object> Map(Dictionary<object, object> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is Dictionary<object, object> map
            ? map
            : throw new Xunit.Sdk.XunitException($"docker-compose.yml: no mapping '{key}'");

    private static IEnumerable<string> Words(Dictionary<object, object> parent, params string[] path)
    {
        object? value = parent;
        foreach (var key in path)
        {
            value = value is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return value switch
        {
            List<object> list => list.Select(x => x.ToString() ?? ""),
            string s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };
    }

    [GeneratedRegex(@"(?i)(?:password|passwd|secret|token|apikey)\w*[ \t]*[:=][ \t]*(?<value>[^\s;""']+)")]
    private static partial Regex SecretSetting();
}
