# Sourced by the device-*.sh scripts on the device: this call's parts joined to the earlier calls', the runtime and
# the builds unpacked once, the benchmark's libonnxruntime.so linked to the web's, and dotnet on the PATH.
P=/var/tmp/fj
N=FaceJobs.Web/bin/Release/net10.0/runtimes/linux-x64/native
BENCH=tools/FaceJobs.LoadBenchmark/bin/Release/net10.0
mkdir -p $P/a
cp .gpu/*.part* $P/
if [ ! -x $P/a/dotnet/dotnet ]; then
  [ -f $P/A.part1 ] && [ -f $P/A.part2 ] || { echo "runtime parts missing: the machine is a fresh one"; exit 5; }
  cat $P/A.part1 $P/A.part2 | xz -d | tar -xf - -C $P/a || exit 3
fi
[ -f FaceJobs.Web/bin/Release/net10.0/FaceJobs.Web.dll ] || tar -xf $P/a/bins.tar || exit 4
ln -sf "$PWD/$N/libonnxruntime.so" $BENCH/runtimes/linux-x64/native/libonnxruntime.so
export DOTNET_ROOT=$P/a/dotnet PATH=$P/a/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
