import type { Bilingual } from '../../../shared/domain/labels';
import type { MbtilesInfo } from '../../../shared/formats/geopackage/mbtiles';

export type MbtilesRequest =
  | { type: 'open'; bytes: ArrayBuffer; name: string }
  | { type: 'tile'; id: number; z: number; x: number; y: number };

export type MbtilesReply =
  | { type: 'opened'; info: MbtilesInfo }
  | { type: 'refused'; reason: Bilingual }
  | { type: 'tile'; id: number; data: Uint8Array | null };
