import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../formats/text/hostileText.test';
import { displayListToSvg } from './displayListToSvg';
import { html, htmlDocument, REPORT_CSP, type Html } from './html';
import { chromiumDom, saveTemp } from './testReports.test';

describe('the html tag', () => {
  it('escapes every interpolated text and number, keeps its own fragments', () => {
    const row = html`<td>${'<b>&'}</td>`;
    expect(
      html`<tr>
        ${row}${[html`<td>${1.5}</td>`, null, false]}
      </tr>`.text.replace(/\s+/g, ''),
    ).toBe('<tr><td>&lt;b&gt;&amp;</td><td>1.5</td></tr>');
    expect(html`<a title="${`"x' onclick='y`}"></a>`.text).toBe(
      '<a title="&quot;x&#39; onclick=&#39;y"></a>',
    );
  });

  it('refuses an object that only looks like a fragment', () => {
    const forged = { text: '<script>alert(1)</script>' } as Html;
    expect(() => html`<p>${forged}</p>`).toThrow(TypeError);
  });
});

describe('a report page in Chromium', () => {
  it('shows hostile text as text (no img or script element) inside HTML and SVG, under the CSP', () => {
    const svg = displayListToSvg(
      [
        { op: 'clip', rect: { xMm: 0, yMm: 0, wMm: 40, hMm: 20 } },
        {
          op: 'path',
          rings: [
            [
              [1, 1],
              [39, 1],
              [39, 19],
              [1, 1],
            ],
          ],
          closed: true,
          fill: [46, 125, 50],
          fillOpacity: 0.4,
          stroke: [0, 0, 0],
          dash: [1, 1],
        },
        { op: 'text', str: HOSTILE, xMm: 20, yMm: 10, sizePt: 6, anchor: 'middle' },
        { op: 'unclip' },
      ],
      { xMm: 0, yMm: 0, wMm: 40, hMm: 20 },
      'm1',
      HOSTILE,
    );
    const doc = htmlDocument(
      HOSTILE,
      html`p { white-space: pre-wrap; }`,
      html`<p id="t">${HOSTILE}</p>
        ${svg}`,
    );
    const dom = chromiumDom(saveTemp('hostile.html', doc));
    expect(dom).not.toMatch(/<img|<script|<!--/i);
    expect(dom).toContain('<p id="t">&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    expect(dom).toMatch(/<text [^>]*>&lt;img src=x onerror=alert\(1\)&gt;&amp;amp;/);
    expect(dom).toMatch(/<title>&lt;img src=x onerror=alert\(1\)&gt;&amp;amp;/);
    expect(dom).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(dom).toMatch(/<path d="M1 19L39 19L39 1L1 19Z" fill="rgb\(46,125,50\)" fill-opacity="0.4"/);
  });
});
