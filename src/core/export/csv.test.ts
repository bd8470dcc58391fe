import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvFileName, toCsv } from './csv.ts';

/** The cells of the one data row of a two-line CSV whose fields hold no line breaks. */
function dataLine(csv: string): string {
  const lines = csv.split('\r\n');
  assert.equal(lines.length, 3, 'header, one row, and the empty rest after the last CRLF');
  return lines[1]!;
}

describe('toCsv', () => {
  it('writes a header and rows, every record ending in CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [['x', 1], ['y', 2]]), 'a,b\r\nx,1\r\ny,2\r\n');
    assert.equal(toCsv(['only'], []), 'only\r\n');
  });

  it('quotes fields holding a comma, a quote, CR or LF, doubling quotes', () => {
    assert.equal(dataLine(toCsv(['v'], [['a,b']])), '"a,b"');
    assert.equal(dataLine(toCsv(['v'], [['say "hi"']])), '"say ""hi"""');
    assert.equal(toCsv(['v'], [['one\ntwo']]), 'v\r\n"one\ntwo"\r\n');
    assert.equal(toCsv(['v'], [['one\r\ntwo']]), 'v\r\n"one\r\ntwo"\r\n');
    assert.equal(dataLine(toCsv(['v'], [['plain text']])), 'plain text');
  });

  it('writes null and undefined as empty cells, booleans as true/false, non-finite numbers as empty', () => {
    assert.equal(dataLine(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, true, false, Number.NaN]])), ',,true,false,');
  });

  it('neutralises a formula: =HYPERLINK gets a leading quote and stays quoted as CSV', () => {
    assert.equal(dataLine(toCsv(['v'], [['=HYPERLINK("http://x")']])), '"\'=HYPERLINK(""http://x"")"');
  });

  it('neutralises text starting with +, - or @', () => {
    assert.equal(dataLine(toCsv(['v'], [['+cmd']])), "'+cmd");
    assert.equal(dataLine(toCsv(['v'], [['@SUM(A1)']])), "'@SUM(A1)");
    assert.equal(dataLine(toCsv(['v'], [['-2+3']])), "'-2+3");
  });

  it('leaves numbers as numbers: a negative number is not prefixed', () => {
    assert.equal(dataLine(toCsv(['text', 'number'], [['-2+3', -5]])), "'-2+3,-5");
    assert.equal(dataLine(toCsv(['v'], [[-0.25]])), '-0.25');
  });

  it('neutralises text starting with a tab or a CR, quoting the CR', () => {
    assert.equal(dataLine(toCsv(['v'], [['\t=1+1']])), "'\t=1+1");
    assert.equal(toCsv(['v'], [['\r=1+1']]), 'v\r\n"\'\r=1+1"\r\n');
  });

  it('does not touch text with a formula character later on', () => {
    assert.equal(dataLine(toCsv(['v'], [['a=b']])), 'a=b');
    assert.equal(dataLine(toCsv(['v'], [['alice@example.com']])), 'alice@example.com');
  });

  it('neutralises header cells too', () => {
    assert.equal(toCsv(['=x'], []), "'=x\r\n");
  });

  it('keeps unicode whole', () => {
    const text = 'Zoë 日本語 👩‍💻 مرحبا';
    assert.equal(dataLine(toCsv(['v'], [[text]])), text);
  });

  it('keeps long text whole', () => {
    const text = 'x'.repeat(100_000) + ',end';
    assert.equal(dataLine(toCsv(['v'], [[text]])), `"${text}"`);
  });
});

describe('csvFileName', () => {
  it('keeps a readable title and adds .csv', () => {
    assert.equal(csvFileName('Chat volume by assignee — Alice Martin'), 'Chat volume by assignee — Alice Martin.csv');
    assert.equal(csvFileName('Chat volume', 'conversations'), 'Chat volume - conversations.csv');
  });

  it('removes path separators, reserved characters and controls', () => {
    assert.equal(csvFileName('../../etc/passwd'), 'etc passwd.csv');
    assert.equal(csvFileName('a<b>c:d"e|f?g*h\\i'), 'a b c d e f g h i.csv');
    assert.equal(csvFileName('line\nbreak\ttab'), 'line break tab.csv');
  });

  it('removes direction overrides that could disguise the extension', () => {
    const name = csvFileName('report\u202Evsc.exe');
    assert.ok(!name.includes('\u202E'));
    assert.ok(name.endsWith('.csv'));
  });

  it('drops leading dots and dashes and trailing dots', () => {
    assert.equal(csvFileName('.hidden'), 'hidden.csv');
    assert.equal(csvFileName('--rm -rf'), 'rm -rf.csv');
    assert.equal(csvFileName('title...'), 'title.csv');
  });

  it('falls back to "export" when nothing usable is left', () => {
    assert.equal(csvFileName(''), 'export.csv');
    assert.equal(csvFileName('///'), 'export.csv');
    assert.equal(csvFileName('', 'conversations'), 'conversations.csv');
  });

  it('avoids Windows reserved names', () => {
    assert.equal(csvFileName('CON'), '_CON.csv');
    assert.equal(csvFileName('lpt1'), '_lpt1.csv');
  });

  it('limits the length without cutting a character in half, keeping the suffix', () => {
    const name = csvFileName('😀'.repeat(300), 'conversations');
    assert.ok(name.endsWith(' - conversations.csv'));
    assert.ok([...name].length <= 124);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(name), 'no lone high surrogate');
  });

  it('keeps letters of any script', () => {
    assert.equal(csvFileName('Réponses 日本'), 'Réponses 日本.csv');
  });
});
