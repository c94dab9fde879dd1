#!/bin/bash
# On the device: put the runtime and builds in place, then the CPU load benchmark at 16 cores.
set -uo pipefail
source "$(dirname "$0")/device-setup.sh"
dotnet --list-runtimes
nproc; free -g | head -2; grep "model name" /proc/cpuinfo | head -1
timeout 400 dotnet $BENCH/FaceJobs.LoadBenchmark.dll --users 20 --seconds 30 2>&1 | tee $OUT/cpu16.log
echo "rc=$?"
