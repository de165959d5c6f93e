#!/usr/bin/env bash
# Rebuilds eng/packages/AdaptiveCards.3.1.0.1.nupkg, the placeholder described in eng/AdaptiveCards/AdaptiveCards.csproj.
# Run after changing the placeholder; commit the resulting .nupkg. Clear the cached copy
# (~/.nuget/packages/adaptivecards/3.1.0.1) so the next restore picks up the new one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet pack "$here/AdaptiveCards/AdaptiveCards.csproj" -c Release -o "$here/packages" -p:ContinuousIntegrationBuild=true
rm -rf "$here/AdaptiveCards/bin" "$here/AdaptiveCards/obj"
