import { describe, expect, it } from 'vitest';

/**
 * Comment text for the injection tests of every writer (XLSX, KML, HTML, PDF, GeoPackage), kept
 * in a test file because it is test data only.
 */
/** Text a reviewer might type or paste: markup, an entity, quotes, controls, lone surrogates. */
export const HOSTILE =
  `<img src=x onerror=alert(1)>&amp; 'single' "double" ]]> <!-- x -->` +
  `\u0001\u0008\u000b\u001f\uD800 tab\tline\nCR\r\n乌苏😀\uDC00\uFFFE end`;
/** The same text as every reader must see it: only the characters XML 1.0 forbids are gone. */
export const HOSTILE_READ =
  `<img src=x onerror=alert(1)>&amp; 'single' "double" ]]> <!-- x -->` + ` tab\tline\nCR\r\n乌苏😀 end`;

describe('the hostile text', () => {
  it('differs from its read-back form only by characters XML 1.0 forbids', () => {
    const stripped = HOSTILE.replace(
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    );
    expect(stripped).toBe(HOSTILE_READ);
  });
});
