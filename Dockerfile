# syntax=docker/dockerfile:1
# The Okr image: the SPA built with Node, the API published with the .NET SDK, run on the ASP.NET runtime.

FROM node:20-bookworm-slim AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS api
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Okr.sln .editorconfig ./
COPY src/Okr.Domain/Okr.Domain.csproj src/Okr.Domain/
COPY src/Okr.Application/Okr.Application.csproj src/Okr.Application/
COPY src/Okr.Infrastructure/Okr.Infrastructure.csproj src/Okr.Infrastructure/
COPY src/Okr.Api/Okr.Api.csproj src/Okr.Api/
RUN dotnet restore src/Okr.Api/Okr.Api.csproj
COPY src/ src/
RUN dotnet publish src/Okr.Api/Okr.Api.csproj -c Release -o /app --no-restore -p:BuildClient=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=api /app ./
COPY --from=client /src/client/dist ./wwwroot
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["dotnet", "Okr.Api.dll", "--health-probe"]
ENTRYPOINT ["dotnet", "Okr.Api.dll"]
