# syntax=docker/dockerfile:1.20
# One image with the web portal (/app/web, the entry point) and the CLI (/app/cli, for `db migrate`).
#
#   docker build -t smartcitiesstudy .
#   docker run --rm -e ConnectionStrings__Default="Host=...;Database=...;Username=...;Password=..." \
#       --entrypoint dotnet smartcitiesstudy /app/cli/SmartCitiesStudy.Cli.dll db migrate
#   docker run -p 8080:8080 -e ConnectionStrings__Default="..." \
#       -v "$PWD/secrets:/run/secrets:ro" -e DataProtection__Certificate__Path=/run/secrets/dataprotection.crt \
#       -e DataProtection__Certificate__KeyPath=/run/secrets/dataprotection.key smartcitiesstudy
#
# Outside Development the web app needs the certificate that encrypts its Data Protection keys (ADR 0012; README
# "Docker" makes one with openssl).
#
# See docker-compose.yml for PostgreSQL + migrate + web together.

# ---------------------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Project files first: the restore layer is reused until a project or package version changes. Every project file
# under src/ comes with its folder (COPY --parents, Dockerfile syntax 1.20 and later), so a project added later is
# restored without touching this file. tests/SmartCitiesStudy.Web.Tests/Deployment/DockerfileTests.cs replays this
# stage without a Docker engine and fails when a project the web app or the CLI needs is missing here.
COPY SmartCitiesStudy.sln Directory.Build.props Directory.Packages.props global.json .editorconfig ./
COPY --parents src/*/*.csproj ./
# Only the two deployable projects (and what they reference): the test projects are not in the image.
RUN dotnet restore src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj \
 && dotnet restore src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj

COPY src/ src/
RUN dotnet publish src/SmartCitiesStudy.Web/SmartCitiesStudy.Web.csproj -c Release --no-restore -p:UseAppHost=false -o /app/web \
 && dotnet publish src/SmartCitiesStudy.Cli/SmartCitiesStudy.Cli.csproj -c Release --no-restore -p:UseAppHost=false -o /app/cli

# ---------------------------------------------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------------------------------------------
# The PDFs are printed by Debian's Chromium (docs/decisions/0001-pdf-engine-chromium.md). From .NET 10 on,
# mcr.microsoft.com/dotnet/aspnet:10.0 is Ubuntu 24.04, where apt's "chromium" is only a snap wrapper that cannot run
# in a container, and Microsoft ships no Debian image for .NET 10. So the runtime stage is Debian 12 (the same
# Chromium and Noto fonts as the machines the tests run on) with the ASP.NET Core runtime copied from the official
# image (portable linux build, glibc >= 2.27), plus the libraries .NET needs on Debian 12.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet-runtime

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata \
      chromium fonts-noto-core fonts-noto-cjk \
      curl \
 && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Non-root user, as in Microsoft's images (uid 1654). It has a home: Chromium and ASP.NET Core write there.
ENV APP_UID=1654
RUN groupadd --gid "$APP_UID" app \
 && useradd --uid "$APP_UID" --gid app --create-home --shell /usr/sbin/nologin app

COPY --from=build /app/web /app/web
COPY --from=build /app/cli /app/cli
# App_Data: where the app keeps local files (a SQLite database when Database__Provider=Sqlite).
RUN mkdir -p /app/web/App_Data && chown app:app /app/web/App_Data

ENV DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=1 \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres

USER app
WORKDIR /app/web
EXPOSE 8080
# Readiness: the database reachable and migrated, and Chromium runnable (the PDFs); /health alone is liveness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready > /dev/null || exit 1
ENTRYPOINT ["dotnet", "/app/web/SmartCitiesStudy.Web.dll"]
