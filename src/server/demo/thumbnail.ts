/**
 * Course thumbnails for the demo, drawn in code: a diagonal gradient between two colours of the DSFR
 * palette with two soft discs, encoded as a PNG (8-bit RGB, zlib) — nothing downloaded, the same bytes
 * at every start.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { DemoFile } from './files.ts';

type Rgb = [number, number, number];

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of `width` × `height` whose pixel colours `paint(x, y)` gives. */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // each row unfiltered
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * stride + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 16:9 card image going from `from` (top left) to `to` (bottom right). */
export function demoThumbnail(from: string, to: string, filename = 'vignette.png'): DemoFile {
  const [a, b] = [hex(from), hex(to)];
  const width = 480;
  const height = 270;
  const discs = [
    { x: width * 0.78, y: height * 0.3, r: height * 0.42 },
    { x: width * 0.18, y: height * 0.95, r: height * 0.3 },
  ];
  const content = png(width, height, (x, y) => {
    const t = (x / width + y / height) / 2;
    let colour = a.map((c, i) => c + (b[i]! - c) * t) as Rgb;
    for (const d of discs)
      if ((x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2) colour = colour.map((c) => c + (255 - c) * 0.12) as Rgb;
    return colour.map(Math.round) as Rgb;
  });
  return { filename, mime: 'image/png', content };
}
