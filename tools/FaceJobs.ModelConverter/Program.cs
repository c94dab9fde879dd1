using System.Diagnostics;
using System.Security.Cryptography;
using FaceJobs.ModelConversion.Networks;

const string Usage = "usage: FaceJobs.ModelConverter recognizer|ssd-detector|landmarks68|full-range-detector|face-mesh <tfjs model dir> <out.onnx>";
if (args.Length != 3)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var (network, modelDirectory, outputPath) = (args[0], args[1], args[2]);
var stopwatch = Stopwatch.StartNew();
Func<string, byte[]>? convert = network switch
{
    "recognizer" => DlibResNetConverter.Convert,
    "ssd-detector" => SsdMobilenetV1Converter.Convert,
    "landmarks68" => FaceLandmark68Converter.Convert,
    "full-range-detector" => BlazeFaceFullRangeConverter.Convert,
    "face-mesh" => FaceMeshConverter.Convert,
    _ => null,
};

if (convert is null)
{
    Console.Error.WriteLine($"unknown network '{network}'. {Usage}");
    return 2;
}

var bytes = convert(modelDirectory);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
File.WriteAllBytes(outputPath, bytes);
Console.WriteLine($"{outputPath}: {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}, converted in {stopwatch.ElapsedMilliseconds} ms");
return 0;
