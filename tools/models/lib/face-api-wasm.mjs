// Loads face-api on the tfjs WASM backend with the .wasm binaries from node_modules (no CDN).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const modelsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(modelsRoot, '..', '..');
export const faceApiModelDir = path.join(modelsRoot, 'node_modules', '@vladmandic', 'face-api', 'model');

export const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');
export const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');

export async function initWasm() {
  wasm.setWasmPaths(path.join(modelsRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep);
  await tf.setBackend('wasm');
  await tf.ready();
  if (tf.getBackend() !== 'wasm') throw new Error(`expected the wasm backend, got ${tf.getBackend()}`);
  return `face-api ${faceapi.version} tfjs ${tf.version_core} backend ${tf.getBackend()}`;
}
