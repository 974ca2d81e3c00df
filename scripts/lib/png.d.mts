// Types for png.mjs (8-bit RGBA PNG encode/decode on node:zlib).
export declare function crc32(bytes: Uint8Array): number;
export declare function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export declare function readPngHeader(png: Uint8Array): {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
};
export declare function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array };
