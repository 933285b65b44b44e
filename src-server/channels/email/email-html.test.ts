import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './email-html';

const DANGEROUS =
  /<script|\son[a-z]+=|javascript:|<iframe|<object|<embed|<form|<style|<meta|<svg|expression\(/i;

describe('sanitizeEmailHtml', () => {
  it.each([
    '<p>Hi<script>alert(1)</script></p>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)" onclick="x()">click</a>',
    '<a href="  JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x">',
    '<div style="width: expression(alert(1))">css</div><style>body{background:url(javascript:x)}</style>',
    '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name="pw"></form>',
    '<body onload="alert(1)"><p>text</p></body>',
    '<scr<script>ipt>alert(1)</script>',
  ])('neutralises %s', (html) => {
    expect(sanitizeEmailHtml(html)).not.toMatch(DANGEROUS);
  });

  it('keeps safe formatting and links', () => {
    const out = sanitizeEmailHtml('<p>Hello <b>bold</b> <a href="https://acme.com/x">link</a></p>');
    expect(out).toContain('<b>bold</b>');
    expect(out).toContain('href="https://acme.com/x"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });

  it('drops remote images and keeps embedded ones', () => {
    expect(sanitizeEmailHtml('<p>a<img src="https://tracker.example/p.gif">b</p>')).toBe('<p>ab</p>');
    expect(sanitizeEmailHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('');
    expect(sanitizeEmailHtml('<img src="data:image/png;base64,iVBORw0K" alt="logo">')).toContain(
      'src="data:image/png;base64,iVBORw0K"',
    );
  });
});
