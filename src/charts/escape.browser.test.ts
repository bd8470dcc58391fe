import { expect } from '@open-wc/testing';
import { escapeHtml, truncateLabel } from './escape.ts';
import { describe, it } from './test-support.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).to.equal(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co',
    );
  });

  it('leaves everything else alone', () => {
    expect(escapeHtml('Zoë — 😀 {b} `x` / \\ %')).to.equal('Zoë — 😀 {b} `x` / \\ %');
    expect(escapeHtml('&amp;')).to.equal('&amp;amp;');
  });
});

describe('truncateLabel', () => {
  it('keeps short text as it is', () => {
    expect(truncateLabel('Alice', 24)).to.equal('Alice');
    expect(truncateLabel('123456', 6)).to.equal('123456');
  });

  it('cuts to max characters, the last being an ellipsis', () => {
    expect(truncateLabel('abcdefghij', 5)).to.equal('abcd…');
    expect(truncateLabel('abc defghij', 5)).to.equal('abc…');
  });

  it('never splits a surrogate pair or a grapheme', () => {
    const emoji = '😀😀😀😀😀😀';
    expect(truncateLabel(emoji, 3)).to.equal('😀😀…');
    expect(truncateLabel(emoji, 6)).to.equal(emoji);
    const flags = '🇳🇱🇫🇷🇧🇪🇩🇪';
    expect(truncateLabel(flags, 3)).to.equal('🇳🇱🇫🇷…');
    const family = '👩‍👩‍👧 family of three';
    expect(truncateLabel(family, 2)).to.equal('👩‍👩‍👧…');
  });

  it('gives nothing for a limit below one', () => {
    expect(truncateLabel('abc', 0)).to.equal('');
    expect(truncateLabel('abc', 1)).to.equal('…');
  });
});
