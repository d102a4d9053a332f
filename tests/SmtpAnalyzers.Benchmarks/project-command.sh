#!/usr/bin/env bash
# Writes the csc command line of MailKit's own build (net10.0), for the benchmark's --project mode: MailKit's source
# compiled in process, the compiler alone against the no-op floor and SmtpAnalyzers, warm.
#
# usage: tests/SmtpAnalyzers.Benchmarks/project-command.sh MAILKIT_GIT_DIR OUT_DIR
#   MAILKIT_GIT_DIR: the git directory of a snapshot of github jstedfast/MailKit.
#   then:  dotnet run -c Release --project tests/SmtpAnalyzers.Benchmarks -- --project OUT_DIR/src/MailKit/csc.command
set -eu
git_dir=${1:?usage: project-command.sh MAILKIT_GIT_DIR OUT_DIR}
out=${2:?usage: project-command.sh MAILKIT_GIT_DIR OUT_DIR}
mkdir -p "$out/src"
git --git-dir="$git_dir" archive HEAD | tar -x -C "$out/src"
rm -f "$out/src/global.json"
# As real-project-cost.sh does: MimeKit from its package instead of the submodule.
sed -i 's#<ProjectReference Include="..\\submodules\\MimeKit\\MimeKit\\MimeKit.csproj" />#<PackageReference Include="MimeKit" Version="4.18.2" />#' "$out/src/MailKit/MailKit.csproj"
cd "$out/src"
dotnet restore MailKit/MailKit.csproj -p:TargetFramework=net10.0 -nologo -p:TreatWarningsAsErrors=false -p:NoWarn=NU1603 >"$out/restore.log" 2>&1
dotnet build MailKit/MailKit.csproj -f net10.0 -c Release -nologo --no-restore --no-incremental -v:d -p:RunAnalyzers=false \
  -p:TreatWarningsAsErrors=false -p:NoWarn=NU1603 -p:UseSharedCompilation=false >"$out/build.log" 2>&1
grep -E '^\s+\S*/csc(\.exe|\.dll)? ' "$out/build.log" | head -1 | sed -E 's/^\s+//' >"$out/src/MailKit/csc.command"
[ -s "$out/src/MailKit/csc.command" ] || { echo "no csc command line in $out/build.log"; exit 1; }
echo "$out/src/MailKit/csc.command"
