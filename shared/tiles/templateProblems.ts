import type { Bilingual } from '../domain/labels';

/** Why a tile URL template is refused, by code; `{name}` parts are filled from the problem's params. */
export const TEMPLATE_PROBLEMS = {
  template_empty: { zh: '请填写瓦片地址', en: 'Enter the tile URL' },
  template_too_long: { zh: '瓦片地址超过 {max} 个字符', en: 'The tile URL is longer than {max} characters' },
  template_characters: {
    zh: '瓦片地址含空格、引号或尖括号等不允许的字符',
    en: 'The tile URL contains spaces, quotes, angle brackets or other characters a URL cannot have',
  },
  template_not_url: { zh: '不是有效的网址', en: 'Not a valid URL' },
  template_scheme: {
    zh: '只能使用 https 地址（本机 http://127.0.0.1、localhost 除外）：{origin}',
    en: 'Only https addresses are allowed (plain http only on this machine: 127.0.0.1, localhost): {origin}',
  },
  template_credentials: {
    zh: '地址中不能包含用户名或密码',
    en: 'The URL must not contain a user name or password',
  },
  template_unknown_placeholder: {
    zh: '不认识的占位符 {name}（可用：{z} {x} {y} {-y} {s} {a-c} {0-7} {TileMatrix} {TileRow} {TileCol} {TileMatrixSet} {Style} {key}）',
    en: 'Unknown placeholder {name} (known: {z} {x} {y} {-y} {s} {a-c} {0-7} {TileMatrix} {TileRow} {TileCol} {TileMatrixSet} {Style} {key})',
  },
  template_missing_placeholders: {
    zh: '瓦片地址缺少占位符：{names}',
    en: 'The tile URL lacks the placeholders {names}',
  },
  template_mixed: {
    zh: '同一地址不能同时使用 {z}/{x}/{y} 与 {TileMatrix}/{TileRow}/{TileCol}',
    en: 'A URL cannot use both {z}/{x}/{y} and {TileMatrix}/{TileRow}/{TileCol}',
  },
  template_key_pasted: {
    zh: '地址中含有密钥（{param}=…）。项目文件会随项目分发，请删去密钥，改在“图层”中添加该服务，密钥只保存在本机',
    en: 'The URL contains a key ({param}=…). Project files travel with the project: remove the key and add the service in the layers panel, where the key stays on this computer',
  },
} satisfies Record<string, Bilingual>;

export type TemplateProblemCode = keyof typeof TEMPLATE_PROBLEMS;
