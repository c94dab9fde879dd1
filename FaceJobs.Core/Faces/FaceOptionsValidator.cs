using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace FaceJobs.Core.Faces;

/// <summary>Fails start-up with a clear message when a model file is missing or tiling is misconfigured, instead of at the first upload.</summary>
public sealed class FaceOptionsValidator(ModelPathResolver resolver) : IValidateOptions<FaceOptions>
{
    public ValidateOptionsResult Validate(string? name, FaceOptions options)
    {
        var failures = new List<string>();
        Check(nameof(FaceOptions.DetectorModelPath), options.DetectorModelPath, failures);
        Check(nameof(FaceOptions.RecognizerModelPath), options.RecognizerModelPath, failures);
        if (options.Detector is FaceDetectorKind.BlazeFaceFullRange or FaceDetectorKind.BlazeFaceEnsemble)
        {
            Check($"{nameof(FaceOptions.FullRange)}:{nameof(FullRangeDetectorOptions.ModelPath)}", options.FullRange.ModelPath, failures);
        }

        // ValidateDataAnnotations does not descend into nested objects.
        ValidateNested(nameof(FaceOptions.Tiling), options.Tiling, failures);
        ValidateNested(nameof(FaceOptions.FullRange), options.FullRange, failures);
        ValidateNested(nameof(FaceOptions.BoxCalibration), options.BoxCalibration, failures);
        ValidateNested($"{nameof(FaceOptions.FullRange)}:{nameof(FullRangeDetectorOptions.BoxCalibration)}", options.FullRange.BoxCalibration, failures);
        ValidateNested(nameof(FaceOptions.Ensemble), options.Ensemble, failures);

        if (options.ExecutionProvider == FaceExecutionProvider.Cuda && failures.Count == 0
            && OnnxSessions.WhyCudaIsUnavailable(resolver.Resolve(options.DetectorModelPath)) is { } why)
        {
            failures.Add($"{FaceOptions.SectionName}:{nameof(FaceOptions.ExecutionProvider)} is Cuda, but {why}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateNested(string section, object options, List<string> failures)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            failures.AddRange(errors.Select(e => $"{FaceOptions.SectionName}:{section}: {e.ErrorMessage}"));
        }
    }

    private void Check(string setting, string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var resolved = resolver.Resolve(path);
        if (!File.Exists(resolved))
        {
            failures.Add(
                $"{FaceOptions.SectionName}:{setting}: model file '{path}' not found (looked for {resolved}, the content root " +
                "and the folders above the app). See models/README.md for how to get it.");
        }
    }
}
