namespace FaceJobs.ModelConversion.Networks;

/// <summary>A graph value in NCHW with its channel count and (square) spatial size.</summary>
internal sealed record FeatureMap(string Value, int Channels, int Size);
