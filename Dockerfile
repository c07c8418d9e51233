# syntax=docker/dockerfile:1
# Build: docker build -t newswire .
# Run:   docker run -p 8080:8080 -v newswire-data:/data -e NewsWire__ApiKeys__0=change-me newswire

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so source edits do not invalidate the package layer. Every project
# the service references needs its line here (DockerfileTests checks it).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig NewsWire.sln ./
COPY src/NewsWire.Core/NewsWire.Core.csproj src/NewsWire.Core/
COPY src/NewsWire.Storage/NewsWire.Storage.csproj src/NewsWire.Storage/
COPY src/NewsWire.Storage.Sqlite/NewsWire.Storage.Sqlite.csproj src/NewsWire.Storage.Sqlite/
COPY src/NewsWire.Storage.Postgres/NewsWire.Storage.Postgres.csproj src/NewsWire.Storage.Postgres/
COPY src/NewsWire.Api/NewsWire.Api.csproj src/NewsWire.Api/
RUN dotnet restore src/NewsWire.Api/NewsWire.Api.csproj
COPY src/ src/
RUN dotnet publish src/NewsWire.Api/NewsWire.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The database lives on a volume owned by the image's non-root user (uid 1654, "app").
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__NewsWire="Data Source=/data/newswire.db" \
    NewsWire__LogFormat=json
EXPOSE 8080
# No HEALTHCHECK: the runtime image has no HTTP client; orchestrators probe GET /health.
ENTRYPOINT ["dotnet", "NewsWire.Api.dll"]
