// Writes FaceJobs.Tests/TestData/recognizer-reference.json: face-api's own 128-D descriptor
// (faceRecognitionNet.computeFaceDescriptor on the tfjs WASM backend) for every test chip, so the
// converted ONNX model can be checked against the original network.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { faceapi, faceApiModelDir, initWasm, repoRoot, tf } from './lib/face-api-wasm.mjs';

const testDataDir = path.join(repoRoot, 'FaceJobs.Tests', 'TestData');
const facesDir = path.join(testDataDir, 'faces');
const outputPath = path.join(testDataDir, 'recognizer-reference.json');


function listPngs(root, relativeDir) {
  return fs.readdirSync(path.join(root, relativeDir), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.posix.join(relativeDir, entry.name);
      if (entry.isDirectory()) return listPngs(root, relative);
      return entry.name.endsWith('.png') ? [relative] : [];
    })
    .sort();
}

// RGB 0..255 as float32 [1,150,150,3]; greyscale PNGs come back from pngjs with R = G = B.
function readChip(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  if (png.width !== 150 || png.height !== 150) throw new Error(`${file} is ${png.width}x${png.height}, expected 150x150`);
  const rgb = new Float32Array(150 * 150 * 3);
  for (let i = 0; i < 150 * 150; i++) {
    rgb[3 * i] = png.data[4 * i];
    rgb[3 * i + 1] = png.data[4 * i + 1];
    rgb[3 * i + 2] = png.data[4 * i + 2];
  }
  return tf.tensor4d(rgb, [1, 150, 150, 3], 'float32');
}

const runtime = await initWasm();
console.log(runtime);
await faceapi.nets.faceRecognitionNet.loadFromDisk(faceApiModelDir);

const inputs = [
  ...listPngs(facesDir, 'identities').map((file) => ({ root: 'faces', file, identity: file.split('/')[1] })),
  ...listPngs(testDataDir, 'chips').map((file) => ({ root: 'testdata', file, identity: null })),
];

const chips = [];
for (const { root, file, identity } of inputs) {
  const input = readChip(path.join(root === 'faces' ? facesDir : testDataDir, file));
  const result = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input);
  const descriptor = Array.isArray(result) ? result[0] : result;
  if (descriptor.length !== 128) throw new Error(`${file}: descriptor has ${descriptor.length} values`);
  chips.push({ root, file, identity, descriptor: Array.from(descriptor) });
  tf.dispose(input);
}

const reference = {
  description: 'face-api faceRecognitionNet.computeFaceDescriptor per chip; root "faces" = FaceJobs.Tests/TestData/faces, "testdata" = FaceJobs.Tests/TestData',
  generator: 'tools/models/reference-descriptors.mjs',
  runtime,
  chips,
};
fs.writeFileSync(outputPath, `${JSON.stringify(reference, null, 1)}\n`);
console.log(`${path.relative(repoRoot, outputPath)}: ${chips.length} descriptors`);
