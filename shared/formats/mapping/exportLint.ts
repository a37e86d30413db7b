import {
  DEFAULT_CHECK_OPTIONS,
  SEVERITY_ORDER,
  type Finding,
  type FindingSeverity,
} from '../../checks/findings';
import { planarZone } from '../../checks/planarZones';
import { shapeChecks } from '../../checks/shapeChecks';
import type { Position } from '../../domain/geometry';
import { polygonsOf } from '../../domain/geometry';
import type { Bilingual } from '../../domain/labels';
import { zoneProperties } from '../geojson/writeGeoJson';
import type { ProjectDocument } from '../projectDocument';
import { MAX_BSM_SEQUENCE, databaseXzqmc, zoneXzqdm } from '../profiles/planningDatabase';
import { PROFILES } from '../profiles/profiles';
import type { FullRecord } from '../profiles/types';
import { profileZones, type OmittedZones } from './documentToLayer';
import { defaultProfile } from './exportDefaults';
import type { ExportOptions } from './types';

/** What the database QC would refuse that no geometry check sees: the codes of the features. */
export type CodeLintCode = 'code.xzqdm_missing' | 'code.xzqmc_missing' | 'code.bsm_overflow';

export interface ExportLintFinding {
  id: string;
  code: Finding['code'] | CodeLintCode;
  severity: FindingSeverity;
  message: Bilingual;
  zoneIds: string[];
  location?: Position;
}

export interface ExportLint {
  /** The planning-database layer checked (LSWHBHX, ZXCQCSZX); null when the profile has no QC. */
  layer: string | null;
  findings: ExportLintFinding[];
  /** Zones the layer does not hold, left out of the export. */
  omitted: OmittedZones[];
  /** Features the layer will hold (one per part). */
  features: number;
}

/**
 * Before a planning-database layer is written, what the county QC would refuse (domain.md §5):
 * invalid geometry, spikes (< 10°), slivers and tiny holes, undensified arcs and multipart zones —
 * found by the heritage checker's own shape checks (shared/checks/shapeChecks.ts), run on the
 * zones the layer will hold — then missing XZQDM / XZQMC and a BSM sequence past 8 digits.
 * Multipart zones are reported as information: the export writes their parts as features.
 */
export function lintExport(
  input: { document: ProjectDocument; options: ExportOptions },
  progress: (fraction: number) => void = () => {},
): ExportLint {
  const { document, options } = input;
  const profile = PROFILES[options.profile ?? defaultProfile(options.format)];
  const { zones, omitted } = profileZones(document, profile, options.zoneTypes);
  const features = profile.singlePart
    ? zones.reduce((n, z) => n + polygonsOf(z.geometry).length, 0)
    : zones.length;
  if (!profile.layerName) return { layer: null, findings: [], omitted, features };
  const findings: ExportLintFinding[] = [];
  const checkOptions = { ...DEFAULT_CHECK_OPTIONS, gkZone: document.settings.gkZone };
  zones.forEach((zone, i) => {
    if (i % 100 === 0) progress((0.9 * i) / Math.max(1, zones.length));
    shapeChecks(planarZone(zone, checkOptions.gkZone), checkOptions, ({ key, ...finding }) =>
      findings.push({ id: `${finding.code}:${zone.id}:${key}`, ...finding }),
    );
  });
  findings.push(...codeFindings(input, zones, features));
  findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id),
  );
  progress(1);
  return { layer: profile.layerName, findings, omitted, features };
}

function codeFindings(
  { document, options }: { document: ProjectDocument; options: ExportOptions },
  zones: ReturnType<typeof profileZones>['zones'],
  features: number,
): ExportLintFinding[] {
  const context = { settings: document.settings, lswhbhx: options.lswhbhx ?? {} };
  const objects = new Map(document.objects.map((o) => [o.id, o]));
  const missing = zones.filter(
    (z) => !zoneXzqdm(zoneProperties(z, objects.get(z.objectId)) as FullRecord, context),
  );
  const out: ExportLintFinding[] = [];
  if (missing.length)
    out.push({
      id: 'code.xzqdm_missing',
      code: 'code.xzqdm_missing',
      severity: 'warning',
      message: {
        zh: `${missing.length} 个区划没有行政区划代码：XZQDM 将为空，BSM 以 000000 开头（在项目设置中填写“行政区划代码”）`,
        en: `${missing.length} zones have no administrative code: XZQDM would be empty and BSM start with 000000 (set “Administrative code” in the project settings)`,
      },
      zoneIds: missing.map((z) => z.id),
    });
  if (zones.length && !databaseXzqmc(context))
    out.push({
      id: 'code.xzqmc_missing',
      code: 'code.xzqmc_missing',
      severity: 'warning',
      message: {
        zh: '没有行政区名称：XZQMC 将为空（在项目设置中填写“行政区名称”）',
        en: 'No administrative area name: XZQMC would be empty (set “Administrative area name” in the project settings)',
      },
      zoneIds: [],
    });
  const last = (options.lswhbhx?.startSequence ?? 1) + features - 1;
  if (last > MAX_BSM_SEQUENCE)
    out.push({
      id: 'code.bsm_overflow',
      code: 'code.bsm_overflow',
      severity: 'error',
      message: {
        zh: `BSM 序号将到 ${last}，超过 8 位`,
        en: `BSM sequence numbers would reach ${last}, past 8 digits`,
      },
      zoneIds: [],
    });
  return out;
}
