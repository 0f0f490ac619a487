#!/usr/bin/env bash
# Packs the library, then builds and runs a fresh console app that references QuoteExtraction (the version in
# Directory.Build.props) from that package folder (never the project), proving the published package works for a consumer.
# Usage: .ci/consumer-check.sh [EXPECTED_MIN_QUOTES]   (default from QUOTEX_CONSUMER_MIN_QUOTES, else 1)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The sample sentence holds exactly one direct quotation; the check requires at least that many.
min_quotes="${1:-${QUOTEX_CONSUMER_MIN_QUOTES:-1}}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo_root/Directory.Build.props" | head -n1)"

work="$(mktemp -d "${TMPDIR:-/tmp}/quotex-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/app"
mkdir -p "$feed" "$app"

echo "consumer-check: packing QuoteExtraction $version"
dotnet pack "$repo_root/src/QuoteExtraction/QuoteExtraction.csproj" -c Release -o "$feed" --nologo -v q >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; exit 1; }
test -f "$feed/QuoteExtraction.$version.nupkg"
test -f "$feed/QuoteExtraction.$version.snupkg"

# The app lives outside the repo so the repo's Directory.*.props (central versions, warnings as errors) don't apply.
# The local folder is added on top of the inherited default sources (nuget.org, or the machine's configured mirror
# of it), which is where anything else the app needs comes from.
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="quoteextraction-local" value="$feed" />
  </packageSources>
</configuration>
XML
cat >"$app/Directory.Build.props" <<'XML'
<Project />
XML
cat >"$app/Directory.Packages.props" <<'XML'
<Project />
XML
cat >"$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="QuoteExtraction" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$app/Program.cs" <<'CS'
using QuoteExtraction;
using QuoteExtraction.Serialization;

var result = QuoteExtractor.Default.ExtractQuotes("He said, \"We will win.\"");
Console.WriteLine($"quotes: {result.Quotes.Count}");
Console.WriteLine(QuoteJson.ToJson(result));
CS

# A private package cache: a stale QuoteExtraction package of the same version from an earlier run can never be picked up.
export NUGET_PACKAGES="$work/packages"
echo "consumer-check: building a console app against the package"
dotnet run --project "$app/Consumer.csproj" -c Release --nologo >"$work/run.log" 2>&1 \
  || { cat "$work/run.log"; exit 1; }

# The package must have come from the folder just packed, not from any remote source.
metadata="$NUGET_PACKAGES/quoteextraction/$version/.nupkg.metadata"
if ! grep -qF "$feed" "$metadata"; then
  echo "consumer-check: FAILED, QuoteExtraction $version was not restored from $feed:"
  cat "$metadata" || true
  exit 1
fi

count="$(sed -n 's/^quotes: \([0-9][0-9]*\)$/\1/p' "$work/run.log" | head -n1)"
if [[ -z "$count" ]]; then
  echo "consumer-check: FAILED, no 'quotes: N' line in the output:"
  cat "$work/run.log"
  exit 1
fi
if (( count < min_quotes )); then
  echo "consumer-check: FAILED, expected at least $min_quotes quotation(s), got $count"
  cat "$work/run.log"
  exit 1
fi
echo "consumer-check: OK (quotes: $count, required >= $min_quotes)"
