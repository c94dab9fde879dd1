using System.Globalization;
using FaceJobs.Eval;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var arguments = CommandLine.Parse(args);
return arguments.Command switch
{
    "verify" when arguments.Positional.Count == 1 => new VerifyCommand(arguments).Run(),
    "detect" when arguments.Positional.Count == 2 => new DetectCommand(arguments).Run(),
    "sweep-fusion" when arguments.Positional.Count == 2 => new SweepFusionCommand(arguments).Run(),
    "dump-candidates" when arguments.Positional.Count == 3 => new DumpCandidatesCommand(arguments).Run(),
    "compose" when arguments.Positional.Count == 2 => new ComposeCommand(arguments).Run(),
    "compare-detectors" => new CompareDetectorsCommand(arguments).Run(),
    "compare-aligners" => new CompareAlignersCommand().Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        Vision options for every command: [--detector BlazeFaceEnsemble|BlazeFace|BlazeFaceFullRange|Ssd]
            [--aligner Keypoints|Landmarks68|Landmarks5|Mesh] [--mirror on|off] [--jitters n] [--tiling on|off] [--score s]
            [--tile-score s] [--magnification m] [--tile-size px] [--min-tile px] [--calibration on|off]; the defaults are
            the app's (FaceOptions).
        FaceJobs.Eval verify <folder> [--pairs pairs.csv] [--threshold t] [--folds 10] [--face central|largest]
            [--every n] [--detections file] [--decision mean-descriptor|mirror-distances] [--dump-chips dir]
            <folder>/<identity>/<image> (every pair), or pairs.csv rows "img1,img2,same" relative to <folder>; the face
            of a photo is the one nearest its centre (LFW photos are centred on the named person) unless --face largest;
            --every n keeps every n-th pair (a quicker look); --detections keeps detected faces in a file and reads them
            back on the next run with the same detector settings (for trying aligners, jitters, thresholds).
            Last line: accuracy=<10-fold cross-validated accuracy>.
        FaceJobs.Eval detect <folder> <boxes.csv> [--verbose] [--iou 0.5] [--dump detections.csv]
            boxes.csv rows "file,x,y,w,h" (file relative to <folder>); a detection counts when IoU >= 0.5 (or --iou).
            Last line: recall=... precision=...
        FaceJobs.Eval dump-candidates <folder> <boxes.csv> <out.csv> [--score 0.3]
            every raw anchor of both BlazeFace models on the whole photo and each tile, for offline tuning.
        FaceJobs.Eval sweep-fusion <folder> <boxes.csv>
            both ensemble models once per photo and its mirror image, then a grid of the ensemble's thresholds and mirror
            weights on those faces (a guide for choosing them; report numbers from detect).
        FaceJobs.Eval compose <photos> <out> [--sizes 12,16,24,32,48,64,96] [--per-size 8] [--canvas 3200x2400]
            pastes the faces of <photos>/*.jpg small onto a large canvas: <out>/small-faces.jpg + <out>/boxes.csv.
        FaceJobs.Eval compare-detectors [--out dir]
            every detector set-up on the sample and group photos and a synthetic crowd set (docs/accuracy.md).
        FaceJobs.Eval compare-aligners
            keypoint and landmark alignment, mirror averaging on and off: cost and verification (docs/accuracy.md).
        """);
    return 2;
}
