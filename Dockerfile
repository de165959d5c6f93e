# Sample container build for the bot (not built in CI). From the repository root:
#   docker build -t weerbaar .
#   docker run -p 3978:3978 -e Storage__Provider=Postgres -e ConnectionStrings__Weerbaar="Host=…" -e MicrosoftAppId=… \
#     -e Sessions__PublicBaseUrl=https://… -e Sessions__PseudonymKey=… -e AllowedHosts=… weerbaar
# The image runs in the Production environment, so it needs an app id (fail closed), the https address report
# links are made from and the pseudonym key of anonymous sessions (see README.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, in its own layer, from the build plumbing and project files only. nuget.config adds eng/packages
# as a package source: the AdaptiveCards placeholder that Microsoft.Bot.Schema needs (README.md, "Why eng/ exists").
COPY nuget.config global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/Weerbaar.Core/Weerbaar.Core.csproj src/Weerbaar.Core/
COPY src/Weerbaar.Bot/Weerbaar.Bot.csproj src/Weerbaar.Bot/
RUN dotnet restore src/Weerbaar.Bot/Weerbaar.Bot.csproj

# The bot project takes appsettings.json, knowledge/, cards/ and manifest/ from the repository root.
COPY appsettings.json ./
COPY cards/ cards/
COPY knowledge/ knowledge/
COPY manifest/ manifest/
COPY src/ src/
RUN dotnet publish src/Weerbaar.Bot/Weerbaar.Bot.csproj -c Release --no-restore -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish .

# The default SQLite file is data/weerbaar.db under the working directory; the non-root user must be able to write
# there. Mount a volume on it, or use PostgreSQL (required for more than one instance).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data

# The images' own non-root user (app); nothing in the bot needs root.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=3978
EXPOSE 3978

# No HEALTHCHECK: the runtime image has no curl or wget. Let the orchestrator or load balancer probe
# /healthz (liveness) and /healthz/ready (readiness) instead.
ENTRYPOINT ["dotnet", "Weerbaar.Bot.dll"]
