#!/bin/bash
# On the device: put the runtime and builds in place, then the CPU load benchmark at 16 cores.
set -uo pipefail
P=/var/tmp/fj; mkdir -p $P/a
cp .gpu/*.part* $P/
cat $P/A.part1 $P/A.part2 | xz -d | tar -xf - -C $P/a || exit 3
tar -xf $P/a/bins.tar || exit 4
ln -sf "$PWD/FaceJobs.Web/bin/Release/net10.0/runtimes/linux-x64/native/libonnxruntime.so" tools/FaceJobs.LoadBenchmark/bin/Release/net10.0/runtimes/linux-x64/native/libonnxruntime.so
export DOTNET_ROOT=$P/a/dotnet PATH=$P/a/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet --list-runtimes
nproc; free -g | head -2; cat /proc/cpuinfo | grep "model name" | head -1
timeout 400 dotnet tools/FaceJobs.LoadBenchmark/bin/Release/net10.0/FaceJobs.LoadBenchmark.dll --users 20 --seconds 30 2>&1 | tee $OUT/cpu16.log
echo "rc=$?"
