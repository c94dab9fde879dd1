#!/usr/bin/env bash
# Packs what a GPU run on the device machine needs into parts that fit its 64 MiB a call (the working tree, ~21 MB,
# travels too): the .NET runtime, the GPU build (-p:FaceJobsGpu=true) of FaceJobs.Web and the load benchmark, and ONNX
# Runtime's CUDA provider with the device code of every GPU but the Hopper one zeroed (284 MB -> 51.6 MB xz instead of
# 185 MB). Writes .gpu/A.part{1,2} and .gpu/B.part{1,2,3} (ignored; add "/.gpu/" to .git/info/exclude), sent as:
#   call 1: A.part1 + B.part1, command: mkdir -p /var/tmp/fj && cp .gpu/*.part* /var/tmp/fj/
#   call 2: A.part2 + B.part2 + the scripts, command: bash .gpu/device-cpu16.sh   (the CPU run at 16 cores)
#   call 3: B.part3 + the scripts, command: bash .gpu/device-cuda.sh                   (CUDA, then CPU, background only)
# each within the machine's 30 s warm window of the call before. Usage: bash tools/device/pack.sh [sm, default 90]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
sm=${1:-90}
work=$(mktemp -d)
git clone -q "$root" "$work/c"
cd "$work/c"
dotnet build -c Release -p:FaceJobsGpu=true tools/FaceJobs.LoadBenchmark/FaceJobs.LoadBenchmark.csproj -v q
dotnet build -c Release -p:FaceJobsGpu=true FaceJobs.Web/FaceJobs.Web.csproj -v q
native=FaceJobs.Web/bin/Release/net10.0/runtimes/linux-x64/native
# Only linux-x64 and unix runtimes; the CUDA provider goes separately; the benchmark's copy of libonnxruntime.so is
# linked to the web's on the device.
tar -cf "$work/bins.tar" --exclude='*/runtimes/[a-km-tv-z]*' --exclude='*/runtimes/linux-[a-wy]*' --exclude='*/runtimes/linux-x86' \
  --exclude='*/runtimes/linux-musl*' --exclude='libonnxruntime_providers_cuda.so' --exclude='libonnxruntime_providers_tensorrt.so' \
  --exclude='*/msdia140.dll' --exclude='tools/FaceJobs.LoadBenchmark/bin/Release/net10.0/runtimes/linux-x64/native/libonnxruntime.so' \
  FaceJobs.Web/bin/Release/net10.0 tools/FaceJobs.LoadBenchmark/bin/Release/net10.0
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
mkdir -p "$work/a/dotnet"
cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$work/a/dotnet/"
rm -f "$work"/a/dotnet/shared/Microsoft.NETCore.App/*/{createdump,libmscordbi.so,libmscordaccore.so}
mv "$work/bins.tar" "$work/a/"
tar -cf - -C "$work/a" . | xz -T0 -9e > "$work/A.tar.xz"
python3 "$root/tools/device/prune-fatbin.py" "$native/libonnxruntime_providers_cuda.so" "$work/cuda.so" "$sm"
xz -T0 -9e -c "$work/cuda.so" > "$work/B.xz"
mkdir -p "$root/.gpu"
rm -f "$root"/.gpu/*.part*
head -c 25000000 "$work/A.tar.xz" > "$root/.gpu/A.part1"
tail -c +25000001 "$work/A.tar.xz" > "$root/.gpu/A.part2"
head -c 19000000 "$work/B.xz" > "$root/.gpu/B.part1"
tail -c +19000001 "$work/B.xz" | head -c 19000000 > "$root/.gpu/B.part2"
tail -c +38000001 "$work/B.xz" > "$root/.gpu/B.part3"
cp "$root"/tools/device/device-*.sh "$root/.gpu/"
ls -la "$root/.gpu"
rm -rf "$work"
