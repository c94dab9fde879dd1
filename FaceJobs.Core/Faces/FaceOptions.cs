using System.ComponentModel.DataAnnotations;

namespace FaceJobs.Core.Faces;

/// <summary>Settings of the vision pipeline, bound from the "Faces" configuration section.</summary>
public sealed class FaceOptions
{
    public const string SectionName = "Faces";

    /// <summary>BlazeFace back-camera ONNX file; a relative path is looked up from the content root and above the app folder.</summary>
    [Required]
    public string DetectorModelPath { get; set; } = "models/blazeface_back_256.onnx";

    /// <summary>dlib ResNet face descriptor ONNX file; resolved like <see cref="DetectorModelPath"/>.</summary>
    [Required]
    public string RecognizerModelPath { get; set; } = "models/dlib_resnet_face_descriptor.onnx";

    /// <summary>Threads one inference may use; parallelism across photos comes from the job workers.</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Cpu (default) or Cuda; asking for Cuda where it cannot run fails at start.</summary>
    public FaceExecutionProvider ExecutionProvider { get; set; } = FaceExecutionProvider.Cpu;

    /// <summary>Minimum detector confidence. 0.5 found every face of the sample photos; 0.75 missed some.</summary>
    [Range(0.05, 0.99)]
    public float ScoreThreshold { get; set; } = 0.5f;

    /// <summary>
    /// The back model's raw box to the conventional face box: its boxes are about square and sit above the labels'
    /// centre (which include the chin). Fitted on crowd-dev (median of matched boxes) and checked 2-fold (docs/accuracy.md).
    /// </summary>
    public FaceBoxCalibration BoxCalibration { get; set; } = new() { CentreShiftY = 0.055f, HeightScale = 1.09f };

    /// <summary>Overlapping tiles for small faces in large photos (BlazeFace; SSD has <c>Faces:Ssd:TileSizes</c>).</summary>
    public FaceTilingOptions Tiling { get; set; } = new();

    /// <summary>Which detector finds the faces; see docs/accuracy.md for what each costs and finds.</summary>
    public FaceDetectorKind Detector { get; set; } = FaceDetectorKind.BlazeFaceEnsemble;

    /// <summary>Model and thresholds of <see cref="FaceDetectorKind.BlazeFaceFullRange"/>; it tiles as <see cref="Tiling"/> says.</summary>
    public FullRangeDetectorOptions FullRange { get; set; } = new();

    /// <summary>Thresholds and fusion of <see cref="FaceDetectorKind.BlazeFaceEnsemble"/>.</summary>
    public EnsembleDetectorOptions Ensemble { get; set; } = new();

    /// <summary>
    /// The calibration of the boxes the chosen detector reports, which box-cropping alignment undoes (SSD's boxes are
    /// not calibrated; the ensemble's are mostly the back model's).
    /// </summary>
    public FaceBoxCalibration DetectorBoxCalibration() => Detector switch
    {
        FaceDetectorKind.BlazeFace or FaceDetectorKind.BlazeFaceEnsemble => BoxCalibration,
        FaceDetectorKind.BlazeFaceFullRange => FullRange.BoxCalibration,
        _ => FaceBoxCalibration.None,
    };

    /// <summary>
    /// How a face is turned into the recognizer's chip. Landmarks68 by measurement on LFW View 1 training pairs:
    /// 10-fold cross-validated accuracy 0.9913 against 0.9908 with the keypoints, and 98.5% against 98.1% on the
    /// held-out LFW-style check (docs/accuracy.md), for about 4 ms more a face.
    /// </summary>
    public FaceAlignerKind Aligner { get; set; } = FaceAlignerKind.Landmarks68;

    /// <summary>
    /// Describe each face as the mean of its chip's and its mirrored chip's descriptors (two embeddings a face, +6.5 ms):
    /// it pulled same-person distances together on both evaluation sets (docs/accuracy.md).
    /// </summary>
    public bool MirrorAveraging { get; set; } = true;

    /// <summary>
    /// dlib's "num_jitters": also describe this many slightly shifted, zoomed and rotated re-crops of each chip and take
    /// the mean (each costs one more embedding, two with <see cref="MirrorAveraging"/>). 0 = off. 3 by measurement on
    /// LFW View 1 training pairs: 10-fold cross-validated accuracy 0.9923 against 0.9913 without, the same as 5 jitters,
    /// for about 28 ms more a face (docs/accuracy.md).
    /// </summary>
    [Range(0, 100)]
    public int Jitters { get; set; } = 3;

    /// <summary>
    /// When the pyramid finds no face, look once more at the whole photo shrunk to 1 / this of the detector's input (one
    /// run of each model, black around it): BlazeFace misses a face that fills its input, such as a close-up cut at the
    /// forehead, and finds it zoomed out (docs/accuracy.md). 1 = no retry.
    /// </summary>
    [Range(1.0, 4.0)]
    public float ZoomOutWhenNoFace { get; set; } = 1.5f;

    /// <summary>
    /// Detect on a copy at most this many pixels on its long side (0: the full photo). 1920 keeps tiled detection of a
    /// 12 MP photo near 0.5 s instead of 2 s, at the price of faces under ~25 px in such a photo.
    /// </summary>
    [Range(0, 20_000)]
    public int MaxDetectionSide { get; set; } = 1920;
}

public enum FaceDetectorKind
{
    /// <summary>MediaPipe BlazeFace, 256 px input, with its keypoints; <see cref="FaceOptions.Tiling"/> for small faces.</summary>
    BlazeFace,

    /// <summary>face-api's SSD-MobileNetV1 (WIDER FACE), 512 px input; keypoints from the 68-point landmark net.</summary>
    Ssd,

    /// <summary>MediaPipe BlazeFace full-range, 192 px input, with its keypoints; <see cref="FaceOptions.Tiling"/> for small faces.</summary>
    BlazeFaceFullRange,

    /// <summary>
    /// Both BlazeFace models on the same tile pyramid, their faces fused (<see cref="FaceOptions.Ensemble"/>): on crowd-dev
    /// recall 0.58 → 0.64 at higher precision than the back model alone, for about 1.5× its time (docs/accuracy.md).
    /// </summary>
    BlazeFaceEnsemble,
}

/// <summary>The full-range BlazeFace detector (<c>Faces:FullRange</c>).</summary>
public sealed class FullRangeDetectorOptions
{
    /// <summary>The converted ONNX file (models/README.md); resolved like <see cref="FaceOptions.DetectorModelPath"/>.</summary>
    [Required]
    public string ModelPath { get; set; } = "models/blazeface_full_range_192.onnx";

    /// <summary>Minimum confidence on the whole photo.</summary>
    [Range(0.05, 0.99)]
    public float ScoreThreshold { get; set; } = 0.5f;

    /// <summary>Minimum confidence for faces found only in a tile (the pyramid's many looks at background add weak false positives).</summary>
    [Range(0.05, 0.99)]
    public float TileScoreThreshold { get; set; } = 0.6f;

    /// <summary>Its raw box to the conventional face box; its boxes sit higher on the face than the back model's.</summary>
    public FaceBoxCalibration BoxCalibration { get; set; } = new() { CentreShiftY = 0.105f, HeightScale = 1.07f };
}

/// <summary>
/// <see cref="FaceDetectorKind.BlazeFaceEnsemble"/> (<c>Faces:Ensemble</c>): each model runs with its own, lower
/// thresholds; a face both find is kept when their fused score reaches the pair score, a face only one finds must reach
/// that model's "alone" score. Chosen on crowd-dev with a 2-fold check (docs/accuracy.md). Lower model thresholds
/// without a pair score found more there but paired weak false positives on the in-repo sample photos.
/// </summary>
public sealed class EnsembleDetectorOptions
{
    /// <summary>The back model's minimum score on the whole photo.</summary>
    [Range(0.05, 0.99)]
    public float BackScoreThreshold { get; set; } = 0.45f;

    /// <summary>The back model's minimum score in a tile.</summary>
    [Range(0.05, 0.99)]
    public float BackTileScoreThreshold { get; set; } = 0.45f;

    /// <summary>The full-range model's minimum score on the whole photo.</summary>
    [Range(0.05, 0.99)]
    public float FullRangeScoreThreshold { get; set; } = 0.3f;

    /// <summary>The full-range model's minimum score in a tile.</summary>
    [Range(0.05, 0.99)]
    public float FullRangeTileScoreThreshold { get; set; } = 0.3f;

    /// <summary>Overlap (IoU of the calibrated boxes) from which a face of each model counts as the same face.</summary>
    [Range(0.05, 0.95)]
    public float PairIoU { get; set; } = 0.5f;

    /// <summary>Minimum fused score, 1 − (1 − a)(1 − b), of a face both models found (0.45 and 0.55 give 0.75).</summary>
    [Range(0.0, 1.0)]
    public float PairScoreThreshold { get; set; } = 0.75f;

    /// <summary>Minimum score of a face only the back model found.</summary>
    [Range(0.05, 1.0)]
    public float BackAloneScoreThreshold { get; set; } = 0.6f;

    /// <summary>Minimum score of a face only the full-range model found (it has more weak false positives).</summary>
    [Range(0.05, 1.0)]
    public float FullRangeAloneScoreThreshold { get; set; } = 0.8f;

    /// <summary>Whether each model also runs on the photo's mirror image (<see cref="MirrorFusion"/>; twice the model runs).</summary>
    public bool MirrorPass { get; set; }

    /// <summary>With <see cref="MirrorPass"/>: the share of its score a face found in only one of the two images keeps.</summary>
    [Range(0.0, 1.0)]
    public float MirrorUnpairedWeight { get; set; } = 0.5f;
}

public enum FaceAlignerKind
{
    /// <summary>Similarity fit of the detector's eye, nose and mouth keypoints to dlib's mean face.</summary>
    Keypoints,

    /// <summary>face-api's 68-point landmark net, then dlib's own similarity fit of those points (dlib's face chip).</summary>
    Landmarks68,

    /// <summary>
    /// face-api's 68-point landmark net, but only its eye corners and nose base fitted, as dlib fits the output of its
    /// 5-point shape predictor (dlib's face recognition examples).
    /// </summary>
    Landmarks5,

    /// <summary>MediaPipe's 468-point face mesh, its 68 iBUG-equivalent points fitted as <see cref="Landmarks68"/> fits its own.</summary>
    Mesh,
}

/// <summary>Tiled detection: the whole image plus a pyramid of overlapping square tiles, merged by suppression.</summary>
public sealed class FaceTilingOptions
{
    /// <summary>
    /// On by default: without tiles a 1920 px photo loses faces under about 64 px (recall 0 at 24–48 px, 0.83 at
    /// 64–128 px), with them recall was 0.94 at precision 0.97, for 46 model runs instead of 1 (docs/vision-evaluation.md).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Side of the smallest square tiles in image pixels; larger levels double it while smaller than the image.
    /// Smaller tiles find smaller faces (256 px tiles found 12 px faces) but cost more inferences.
    /// </summary>
    [Range(128, 4096)]
    public int TileSize { get; set; } = 384;

    /// <summary>
    /// Magnifies small photos: the smallest tiles are at most the photo's shorter side divided by this, so each is
    /// enlarged to the detector's input and faces of 10–30 px in a 400 px crowd photo land in the detector's trained
    /// size range. 1 = tiles never smaller than <see cref="TileSize"/> (no magnification).
    /// </summary>
    [Range(1.0, 8.0)]
    public float Magnification { get; set; } = 3f;

    /// <summary>Smallest tile side in image pixels, however small the photo (a floor on the cost of magnifying).</summary>
    [Range(32, 4096)]
    public int MinTileSize { get; set; } = 64;

    /// <summary>The smallest tile side for a photo of this size: <see cref="TileSize"/>, or smaller to magnify a small photo.</summary>
    public int SmallestTileFor(int width, int height) =>
        Math.Min(TileSize, Math.Max(MinTileSize, (int)Math.Round(Math.Min(width, height) / Magnification)));

    /// <summary>
    /// Minimum confidence for faces found only in a tile. Above <see cref="FaceOptions.ScoreThreshold"/> because
    /// dozens of extra looks at the background yield more weak false positives (0.51–0.59 on the sample photos).
    /// </summary>
    [Range(0.05, 0.99)]
    public float ScoreThreshold { get; set; } = 0.6f;

    /// <summary>Fraction of a tile shared with its neighbour; a face smaller than this fits whole in some tile.</summary>
    [Range(0.0, 0.75)]
    public float Overlap { get; set; } = 0.3f;
}
