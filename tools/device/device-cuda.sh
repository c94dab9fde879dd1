#!/bin/bash
# On the device: the CUDA provider in place, then the background pipeline on CUDA and on the CPU, one after the other.
set -uo pipefail
source "$(dirname "$0")/device-setup.sh"
cat $P/B.part1 $P/B.part2 $P/B.part3 | xz -d > $N/libonnxruntime_providers_cuda.so || exit 6
ln -sf "$PWD/$N/libonnxruntime_providers_cuda.so" $BENCH/runtimes/linux-x64/native/
LIBS=$(find /usr/local/cuda*/ /opt /usr/lib/x86_64-linux-gnu \( -name 'libcublasLt.so.13' -o -name 'libcudnn.so.9' -o -name 'libcudart.so.13' -o -name 'libcufft.so.12' -o -name 'libcurand.so.10' -o -name 'libnvrtc.so.13' \) 2>/dev/null | xargs -r -n1 dirname | sort -u | paste -sd:)
echo "CUDA libraries from: $LIBS"
export LD_LIBRARY_PATH=$LIBS:${LD_LIBRARY_PATH:-}
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
timeout 240 dotnet $BENCH/FaceJobs.LoadBenchmark.dll --modes background --users 20 --seconds 30 --set Faces:ExecutionProvider=Cuda 2>&1 | tee $OUT/cuda.log
echo "cuda rc=$?"
timeout 200 dotnet $BENCH/FaceJobs.LoadBenchmark.dll --modes background --users 20 --seconds 30 2>&1 | tee $OUT/cpu-after.log
echo "cpu rc=$?"
