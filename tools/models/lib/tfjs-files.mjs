// Shared by the reference scripts: RGB images in and out of files, and a tfjs graph model loaded from its two files.
import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { tf } from './face-api-wasm.mjs';

/** A PNG or JPEG as { width, height, data: RGB bytes }. */
export function readImage(file) {
  if (!file.endsWith('.png')) return jpeg.decode(fs.readFileSync(file), { useTArray: true, formatAsRGBA: false });
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Uint8Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) rgb.set(png.data.subarray(4 * i, 4 * i + 3), 3 * i);
  return { width: png.width, height: png.height, data: rgb };
}

/** Writes size×size RGB bytes as an RGB PNG. */
export function writeSquarePng(file, pixels, size) {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) png.data.set([pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2], 255], 4 * i);
  fs.writeFileSync(file, PNG.sync.write(png, { colorType: 2 }));
}

/** The graph model `<name>.json` + `<name>.bin` in modelDir, loaded from memory (no fetch). */
export async function loadGraphModel(modelDir, name) {
  const modelJson = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}.json`), 'utf8'));
  const weights = fs.readFileSync(path.join(modelDir, `${name}.bin`));
  return tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    signature: modelJson.signature,
  }));
}
