import {
  BackgroundSchema,
  LayerListPrefsSchema,
  type Background,
  type LayerListPrefs,
} from '../domain/backgrounds';
import type { Database } from './geopackage/sqlite';
import { queryRows } from './geopackage/sqlite';
import { parseJsonText } from './safeJson';

/**
 * A project's backgrounds as a project file keeps them (table `hzw_backgrounds`, and the layer-list
 * settings as `hzw_project` key `layers`): descriptions only — kind, name, the file's name, size
 * and time, coordinate system, a tile template with `{key}` in place of a key, CAD layers. Never a
 * desktop grant, a browser file handle, a copy of the file or a service key: the records are
 * rebuilt through the schema (which drops any other field), and a key-like query value in a
 * template is replaced by `{key}`. Opened elsewhere, a file background is `missing` until located.
 */
export type FileBackground = Omit<Background, 'projectId'>;
const FileBackgroundSchema = BackgroundSchema.omit({ projectId: true });

export interface ProjectFileBackgrounds {
  list: FileBackground[];
  /** The layer-list settings saved with them (null: the file has none). */
  layers: LayerListPrefs | null;
  /** Rows this version cannot use (a kind from a newer version, a damaged row): left out, counted. */
  skipped: number;
}
export const NO_BACKGROUNDS: ProjectFileBackgrounds = { list: [], layers: null, skipped: 0 };

export const BACKGROUNDS_TABLE = 'hzw_backgrounds';
const DDL = `CREATE TABLE ${BACKGROUNDS_TABLE} (id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL)`;

/** Query parameters that carry a service key (天地图 `tk`, tokens, API keys). */
const KEY_PARAMETER = /([?&](?:tk|key|token|access_token|apikey|api_key)=)([^&#{}]+)/gi;

/** A template with every key-like query value replaced by `{key}`. */
export function withoutKeys(template: string): string {
  return template.replace(KEY_PARAMETER, '$1{key}');
}

/** What of a background may leave the installation: the schema's fields, keys removed. */
export function describeBackground(background: FileBackground): FileBackground {
  const clean = FileBackgroundSchema.parse(background);
  const source = clean.source;
  if (source.kind === 'xyz')
    return { ...clean, source: { ...source, template: withoutKeys(source.template) } };
  if (source.kind === 'wmts') {
    const urls = {
      ...(source.template !== undefined ? { template: withoutKeys(source.template) } : {}),
      ...(source.capabilitiesUrl !== undefined
        ? { capabilitiesUrl: withoutKeys(source.capabilitiesUrl) }
        : {}),
    };
    return { ...clean, source: { ...source, ...urls } };
  }
  return clean;
}

/** Write the backgrounds and the layer-list settings (inside the writer's transaction). */
export function writeBackgrounds(db: Database, backgrounds: ProjectFileBackgrounds): void {
  db.run(DDL);
  const statement = db.prepare(`INSERT INTO ${BACKGROUNDS_TABLE} (id, seq, json) VALUES (?, ?, ?)`);
  try {
    backgrounds.list.forEach((b, seq) => {
      const described = describeBackground(b);
      statement.run([described.id, seq, JSON.stringify(described)]);
    });
  } finally {
    statement.free();
  }
  if (backgrounds.layers)
    db.run('INSERT INTO hzw_project (key, json) VALUES (?, ?)', [
      'layers',
      JSON.stringify(LayerListPrefsSchema.parse(backgrounds.layers)),
    ]);
}

/**
 * Read the backgrounds of a project file (none in files written before they existed). A row this
 * version cannot use is left out and counted, never a reason to refuse the project.
 */
export function readBackgrounds(db: Database, tables: ReadonlySet<string>): ProjectFileBackgrounds {
  const list: FileBackground[] = [];
  let skipped = 0;
  if (tables.has(BACKGROUNDS_TABLE)) {
    for (const row of queryRows(db, `SELECT json FROM ${BACKGROUNDS_TABLE} ORDER BY seq, rowid`)) {
      const parsed = parseJsonText(String(row.json));
      const background = parsed.ok ? FileBackgroundSchema.safeParse(parsed.value) : null;
      if (background?.success) list.push(describeBackground(background.data));
      else skipped++;
    }
  }
  const layersRow = queryRows(db, "SELECT json FROM hzw_project WHERE key = 'layers'")[0];
  const layersJson = layersRow ? parseJsonText(String(layersRow.json)) : null;
  const layers = layersJson?.ok ? LayerListPrefsSchema.safeParse(layersJson.value) : null;
  return { list, layers: layers?.success ? layers.data : null, skipped };
}
