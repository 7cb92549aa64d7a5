import { describe, expect, test } from 'vitest';
import { CSV_BOM, csvCell, csvFileName, tableCsv, toCsv } from '../../../src/panels/components/csv';
import type { Column } from '../../../src/panels/components/virtual-table';

describe('RFC 4180 quoting', () => {
  test('plain text stays as it is, Japanese included', () => {
    expect(csvCell('i-0123456789abcdef0')).toBe('i-0123456789abcdef0');
    expect(csvCell('ウェブサーバー 本番')).toBe('ウェブサーバー 本番');
    expect(csvCell('')).toBe('');
  });

  test('a comma, a quote, CR or LF makes a quoted field; quotes are doubled', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
  });

  test('records end with CRLF, the last one too', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c,d', ''],
      ]),
    ).toBe('a,b\r\n"c,d",\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('spreadsheet formula defence', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('%j becomes text', (value, safe) => {
    expect(csvCell(value)).toBe(safe);
  });

  test('the defence comes first, then quoting, so a hostile cell is both', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('\r=cmd')).toBe('"\'\r=cmd"');
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });

  test('the characters only count at the start', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('us-east-1a')).toBe('us-east-1a');
    expect(csvCell('—')).toBe('—');
  });
});

test('a table: the columns given, in their order, titles as the header, rows as given', () => {
  interface Row {
    id: string;
    name: string;
  }
  const columns: Column<Row>[] = [
    { id: 'name', label: 'Name', value: (r) => r.name },
    { id: 'id', label: 'Volume ID', value: (r) => r.id },
  ];
  const rows = [
    { id: 'vol-2', name: '=evil()' },
    { id: 'vol-1', name: 'データ, 1' },
  ];
  expect(tableCsv(rows, columns)).toBe(
    'Name,Volume ID\r\n\'=evil(),vol-2\r\n"データ, 1",vol-1\r\n',
  );
  expect(tableCsv([], columns)).toBe('Name,Volume ID\r\n');
  expect(CSV_BOM).toBe('\uFEFF');
});

describe('file names', () => {
  const at = new Date(2026, 11, 3, 9, 5, 59);

  test('table, profile, region and the local minute', () => {
    expect(csvFileName('instances', 'prod', 'us-east-1', at)).toBe(
      'cirrus-instances-prod-us-east-1-20261203-0905.csv',
    );
  });

  test('what a file system or a shell would trip on becomes _; letters of any script stay', () => {
    expect(csvFileName('volumes', 'My cloud/../x:*?"<>|', 'eucalyptus', at)).toBe(
      'cirrus-volumes-My_cloud_.._x-eucalyptus-20261203-0905.csv',
    );
    expect(csvFileName('volumes', '本番 クラウド', 'ap-northeast-1', at)).toBe(
      'cirrus-volumes-本番_クラウド-ap-northeast-1-20261203-0905.csv',
    );
    expect(csvFileName('volumes', '..', '', at)).toBe(
      'cirrus-volumes-profile-region-20261203-0905.csv',
    );
    expect(csvFileName('volumes', 'x'.repeat(200), 'r', at).length).toBeLessThan(120);
  });
});
