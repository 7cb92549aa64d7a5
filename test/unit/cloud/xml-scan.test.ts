// The streaming scanner must read every document exactly as parseXml() (fast-xml-parser) does:
// same items, same remainder, however the text is split into chunks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeImagesXml } from '../../../bench/fixtures/describe-images.mjs';
import { CloudError } from '../../../src/cloud/errors';
import { isElement, parseXml, type XmlElement, type XmlValue } from '../../../src/cloud/xml';
import { scanStream, scanText, XmlItemScanner } from '../../../src/cloud/xml-scan';

const NONE = ['*', '__none__'];

/** What the scanner must produce: the items at itemPath and the document without them. */
function expected(doc: XmlElement, itemPath: string[]): { items: XmlValue[]; rest: XmlElement } {
  const items: XmlValue[] = [];
  const matches = (key: string, depth: number) =>
    key !== '#text' && (itemPath[depth] === '*' || itemPath[depth] === key);
  const strip = (value: XmlValue, depth: number): XmlValue => {
    if (!isElement(value)) return value;
    const out: XmlElement = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      if (!matches(key, depth)) {
        out[key] = child;
      } else if (depth === itemPath.length - 1) {
        items.push(...(Array.isArray(child) ? child : [child]));
      } else {
        out[key] = Array.isArray(child)
          ? child.map((c) => strip(c, depth + 1))
          : strip(child, depth + 1);
      }
    }
    // An element left without children reads like an empty one, or as its text.
    const keys = Object.keys(out);
    if (keys.length === 0) return '';
    if (keys.length === 1 && keys[0] === '#text') return out['#text'] as string;
    return out;
  };
  const rest: XmlElement = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value !== undefined) rest[key] = matches(key, 0) ? strip(value, 1) : value;
  }
  return { items, rest };
}

/** Deterministic random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Chunking = 'whole' | 'chars' | { seed: number; max: number };

function chunks(text: string, chunking: Chunking): string[] {
  if (chunking === 'whole') return [text];
  if (chunking === 'chars') return [...text.split('')];
  const next = random(chunking.seed);
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(next() * chunking.max);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

function scan(text: string, itemPath: string[], chunking: Chunking) {
  const items: XmlValue[] = [];
  const scanner = new XmlItemScanner(itemPath, (item) => items.push(item));
  for (const chunk of chunks(text, chunking)) scanner.write(chunk);
  const rest = scanner.end();
  return { items, rest };
}

const CHUNKINGS: Chunking[] = [
  'whole',
  'chars',
  { seed: 1, max: 7 },
  { seed: 2, max: 40 },
  { seed: 3, max: 300 },
  { seed: 4, max: 4096 },
];

/** Scanner output equals parseXml's, for every way of splitting the text. */
function expectSame(text: string, itemPath: string[], chunkings = CHUNKINGS): XmlValue[] {
  const want = expected(parseXml(text), itemPath);
  for (const chunking of chunkings) {
    const got = scan(text, itemPath, chunking);
    expect({ chunking, ...got }).toStrictEqual({ chunking, ...want });
  }
  return want.items;
}

function malformed(run: () => unknown): CloudError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toBe('MalformedXml');
    return error as CloudError;
  }
  throw new Error('expected MalformedXml');
}

/** Both parsers refuse it, whole and in 1-character chunks. */
function expectMalformed(text: string, itemPath = NONE): void {
  malformed(() => parseXml(text));
  const error = malformed(() => scanText(text, itemPath, () => {}));
  expect(error.message.length).toBeLessThan(200);
  // The same message (and offset) however the text arrives.
  expect(malformed(() => scan(text, itemPath, 'chars')).message).toBe(error.message);
  expect(malformed(() => scan(text, itemPath, { seed: 9, max: 5 })).message).toBe(error.message);
}

/** The shallowest list in a parsed document: the first key named item, or holding an array. */
function firstListPath(doc: XmlElement): string[] | undefined {
  let level: [string[], XmlValue][] = Object.entries(doc).map(([k, v]) => [[k], v ?? '']);
  while (level.length > 0) {
    const next: [string[], XmlValue][] = [];
    for (const [names, value] of level) {
      const last = names[names.length - 1];
      if (names.length > 1 && (last === 'item' || Array.isArray(value))) return names;
      for (const node of Array.isArray(value) ? value : [value]) {
        if (!isElement(node)) continue;
        for (const [key, child] of Object.entries(node)) {
          if (key !== '#text' && child !== undefined) next.push([[...names, key], child]);
        }
      }
    }
    level = next;
  }
  return undefined;
}

const fixturesDir = resolve(import.meta.dirname, '../../fixtures');
// Globbed when the tests run: fixtures are added alongside new operations.
const fixtures = existsSync(fixturesDir)
  ? readdirSync(fixturesDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.xml'))
      .sort()
  : [];

describe('every XML fixture reads as parseXml reads it', () => {
  test.each([...fixtures, '(generated) DescribeImages, 40 images'])('%s', (file) => {
    const text = file.startsWith('(generated)')
      ? describeImagesXml(40)
      : readFileSync(join(fixturesDir, file), 'utf8');
    let doc: XmlElement;
    try {
      doc = parseXml(text);
    } catch {
      malformed(() => scanText(text, NONE, () => {}));
      return;
    }
    expectSame(text, NONE);
    const list = firstListPath(doc);
    if (list) {
      const [first] = expectSame(text, list);
      expectSame(text, ['*', ...list.slice(1)], ['whole', { seed: 5, max: 100 }]);
      // A list inside the first item (instancesSet in a reservation): items of every parent.
      const inner = first === undefined ? undefined : firstListPath({ item: first });
      if (inner) expectSame(text, [...list, ...inner.slice(1)], ['whole', { seed: 7, max: 50 }]);
    }
  });
});

describe('generated DescribeImages', () => {
  test('each image is emitted as parseXml reads it; the rest keeps requestId', () => {
    const text = describeImagesXml(25);
    const items = expectSame(text, ['DescribeImagesResponse', 'imagesSet', 'item']);
    expect(items).toHaveLength(25);
    const rest = scanText(text, ['*', 'imagesSet', 'item'], () => {});
    expect(rest).toEqual({
      DescribeImagesResponse: { requestId: '8f7724cf-496f-496e-8fe3-example00025', imagesSet: '' },
    });
    const [first] = items;
    expect(isElement(first) && first.description).toBe('al2023-ami x86_64 HVM & EBS gp3 & ENA');
  });
});

const DESCRIBE_IMAGES = `<?xml version="1.0" encoding="UTF-8"?>
<ec2:DescribeImagesResponse xmlns:ec2="http://ec2.amazonaws.com/doc/2016-11-15/">
  <ec2:requestId>req-1</ec2:requestId>
  <ec2:imagesSet>
    <ec2:item>
      <ec2:imageId>emi-0A1B2C3D</ec2:imageId>
      <ec2:name>日本語の イメージ　</ec2:name>
      <ec2:blockDeviceMapping>
        <ec2:item><ec2:deviceName>/dev/sda1</ec2:deviceName><ec2:ebs><ec2:volumeSize>10</ec2:volumeSize></ec2:ebs></ec2:item>
        <ec2:item><ec2:deviceName>/dev/sdb</ec2:deviceName><ec2:noDevice/></ec2:item>
      </ec2:blockDeviceMapping>
      <ec2:tagSet/>
    </ec2:item>
    <ec2:item>
      <ec2:imageId>emi-00000002</ec2:imageId>
      <ec2:blockDeviceMapping><ec2:item><ec2:deviceName>/dev/sda</ec2:deviceName></ec2:item></ec2:blockDeviceMapping>
    </ec2:item>
    <ec2:item/>
  </ec2:imagesSet>
  <ec2:nextToken>token==</ec2:nextToken>
</ec2:DescribeImagesResponse>`;

describe('tricky documents', () => {
  const path = ['DescribeImagesResponse', 'imagesSet', 'item'];

  test('namespace prefixes; only items at the exact path; nested item stays inside', () => {
    const items = expectSame(DESCRIBE_IMAGES, path);
    expect(items).toHaveLength(3);
    expect(items[2]).toBe('');
    expect(items[0]).toMatchObject({ name: '日本語の イメージ' }); // U+3000 trimmed, as String.trim does
    expect(scanText(DESCRIBE_IMAGES, ['*', 'imagesSet', 'item'], () => {})).toEqual({
      DescribeImagesResponse: { requestId: 'req-1', imagesSet: '', nextToken: 'token==' },
    });
    // A nested path: the device mappings of every image.
    expectSame(DESCRIBE_IMAGES, [...path, 'blockDeviceMapping', 'item']);
    expectSame(DESCRIBE_IMAGES, ['*', 'requestId']);
  });

  test.each([
    ['an empty list', '<r><imagesSet/><requestId>x</requestId></r>', ['r', 'imagesSet', 'item']],
    [
      'an empty list, open and closed',
      '<r><imagesSet>\n  </imagesSet></r>',
      ['r', 'imagesSet', 'item'],
    ],
    ['a single item', '<r><s><item><id>a</id></item></s></r>', ['r', 's', 'item']],
    [
      'many items',
      '<r><s><item><id>a</id></item><item><id>b</id></item></s></r>',
      ['r', 's', 'item'],
    ],
    ['self-closing items', '<r><s><item/><item /><item\n/></s></r>', ['r', 's', 'item']],
    [
      'text-only items',
      '<r><s><item> a </item><item>b</item><item></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'items in two lists',
      '<r><s><item>1</item></s><t/><s><item>2</item></s></r>',
      ['r', 's', 'item'],
    ],
    ['the wildcard root', '<Other><s><item>1</item></s></Other>', ['*', 's', 'item']],
    ['a root that does not match', '<Other><s><item>1</item></s></Other>', ['r', 's', 'item']],
    ['a self-closing root', '<r/>', ['r', 's']],
    [
      'the XML declaration with an encoding',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<r><s><item>1</item></s></r>\n',
      ['r', 's', 'item'],
    ],
    [
      'a byte order mark',
      '\ufeff<?xml version="1.0"?><r><s><item>1</item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'comments everywhere',
      '<!-- a --><r><!--b--><s><item>x<!-- c -->y</item><!-- <item>no</item> --></s></r><!-- d -->',
      ['r', 's', 'item'],
    ],
    [
      'text around a comment is one part',
      '<r><s><item> x <!-- c --> y </item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'processing instructions',
      '<?pi a?><r><?pi b?><s><item> x <?pi c?> y </item></s></r><?pi d?>',
      ['r', 's', 'item'],
    ],
    [
      'CDATA',
      '<r><s><item><![CDATA[ <a> & b ]]></item><item>x<![CDATA[]]>y</item><item><![CDATA[ ]]></item><item>p <![CDATA[ q ]]> r</item><item><![CDATA[]]></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'CDATA holding ]] and >',
      '<r><s><item><![CDATA[a]]b]>c]]]]></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'entities',
      '<r><s><item>&lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; &amp;lt; &amp;#65;</item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'numeric references (kept as written, as fast-xml-parser does)',
      '<r><s><item>&#65;&#x42;&#x1F600;&#128512;&#x20;&#9;&#;&#x;&#0000000000000000000000000000000065;</item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'numeric references XML forbids (removed, as fast-xml-parser does)',
      '<r><s><item>a&#0;b&#1;c&#x1F;d&#xD800;e&#xdfff;</item><item>&#1; x</item><item>&#0;</item><item>&#x0;<b/></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'unknown named entities stay as written',
      '<r><s><item>&copy; &nbsp; &QUOT; &e_1;</item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'attributes with > / and quotes inside',
      `<r a="1" b='2'><s x=">" y='/>' z="it's" w='say "hi"'><item k="&lt;>" xmlns:x="u"
        >1</item><item a='>'/><item	t="1"	/></s></r>`,
      ['r', 's', 'item'],
    ],
    [
      'mixed content',
      '<r><s><item>head <b>1</b> middle <b>2</b> tail</item><item>t<c/></item><item><c/> </item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'mixed content in a parent of items',
      '<r><s>before<item>1</item>after</s></r>',
      ['r', 's', 'item'],
    ],
    [
      'white space and line ends',
      '<r>\r\n<s>\r\n\t<item>a\r\nb\rc\n</item>\r\n</s>\r\n</r>\r\n',
      ['r', 's', 'item'],
    ],
    [
      'Unicode spaces trimmed like String.trim',
      '<r><s><item>\u00a0x\u3000</item><item>\u2003</item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'Japanese and astral text',
      '<r><s><item>東京リージョン 🚀 テスト</item><item><名前>値</名前></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'repeated names become arrays, first-seen order',
      '<r><s><item><a>1</a><b/><a>2</a><a><c>3</c></a></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'names fast-xml-parser renames',
      '<r><s><item><hasOwnProperty>1</hasOwnProperty><toString/><isPrototypeOf>a</isPrototypeOf><isPrototypeOf>b</isPrototypeOf></item></s></r>',
      ['r', 's', 'item'],
    ],
    [
      'odd but valid names',
      '<r><s><item><a.b-c_d>1</a.b-c_d><x:y:z>2</x:y:z><p:>3</p:></item></s></r>',
      ['r', 's', 'item'],
    ],
    ['closing tags with spaces', '<r ><s\n><item\t>1</item ></s\n></r\t>', ['r', 's', 'item']],
    ['a DOCTYPE', '<!DOCTYPE r SYSTEM "r.dtd"><r><s><item>1</item></s></r>', ['r', 's', 'item']],
    [
      'a DOCTYPE with an internal subset without entities',
      '<!DOCTYPE r [ <!ELEMENT r ANY> <!-- c --> <!ATTLIST r a CDATA "x"> ]>\n<r><s><item>1</item></s></r>',
      ['r', 's', 'item'],
    ],
  ])('%s', (_, text, itemPath) => {
    expectSame(text, itemPath);
    expectSame(text, NONE);
  });

  test('numeric character references stay as written in both (fast-xml-parser, htmlEntities off)', () => {
    const text = '<r><s><item>&#65;&#x42;&#x1F600; &amp;#65; a&#1;b</item></s></r>';
    const items: XmlValue[] = [];
    scanText(text, ['r', 's', 'item'], (item) => items.push(item));
    expect(items).toEqual(['&#65;&#x42;&#x1F600; &#65; ab']);
    expect(parseXml(text)).toEqual({ r: { s: { item: items[0] } } });
  });

  test('101 open elements are fine, 102 are refused like fast-xml-parser', () => {
    const deep = (n: number) => `${'<a>'.repeat(n)}x${'</a>'.repeat(n)}`;
    expectSame(deep(101), ['a', 'a']);
    expectSame(`${'<a>'.repeat(101)}<a/>${'</a>'.repeat(101)}`, NONE);
    expectMalformed(deep(102));
  });

  test("markup holding many '>' across chunks", () => {
    const many = '> '.repeat(200);
    const text = `<r><s><item a="${many}" b='${many}'>1<!--${many}--><![CDATA[${many}]]></item><?pi "${many}"?></s></r>`;
    expectSame(text, ['r', 's', 'item']);
  });

  test('a long text and a long comment across many chunks', () => {
    const long = 'x'.repeat(200_000);
    expectSame(
      `<r><s><item>${long}</item><!--${long}--><item>a<![CDATA[${long}]]></item></s></r>`,
      ['r', 's', 'item'],
      ['whole', { seed: 6, max: 3000 }],
    );
  });
});

describe('malformed documents', () => {
  test.each([
    ['empty', ''],
    ['white space only', '  \n '],
    ['plain text', 'Service Unavailable'],
    ['text before the root', 'x<r/>'],
    ['unclosed', '<r><s>'],
    ['truncated inside a tag', '<r><s><item a="1'],
    ['truncated inside a name', '<r><s></s'],
    ['truncated inside a comment', '<r><!-- x'],
    ['truncated inside CDATA', '<r><![CDATA[ x'],
    ['mismatched', '<r><s></r></s>'],
    ['mismatched prefix', '<x:r></y:r>'],
    ['closing a longer name', '<r><s></ss></r>'],
    ['closing without opening', '</r>'],
    ['closing after the root', '<r></r></s>'],
    ['two roots', '<r></r><s></s>'],
    ['text after the root', '<r></r>x'],
    ['space after <', '<r>< s/></r>'],
    ['a bad tag name', '<r><1a/></r>'],
    ['a slash inside a tag', '<r><s/x></r>'],
    ['a reserved name', '<r><constructor>1</constructor></r>'],
    ['__proto__', '<r><__proto__/></r>'],
    ['an attribute without a value', '<r a>1</r>'],
    ['an unquoted attribute', '<r a=1>1</r>'],
    ['attributes without space', `<r a='1'b='2'>1</r>`],
    ['a repeated attribute', `<r a='1' a='2'>1</r>`],
    ['a bad attribute name', `<r 1a='1'>1</r>`],
    ['a bare ampersand', '<r>a & b</r>'],
    ['an entity without ;', '<r>&lt</r>'],
    ['an empty entity', '<r>&;</r>'],
    ['a long entity name', '<r>&abcdefghijklmnopqrstu;</r>'],
    ['an upper-case X reference', '<r>&#X41;</r>'],
    ['letters in a decimal reference', '<r>&#12a;</r>'],
    ['the XML declaration not at the start', ' <?xml version="1.0"?><r/>'],
    ['two DOCTYPEs', '<!DOCTYPE r><!DOCTYPE r><r/>'],
    ['an HTML page', '<html><body><p>Bad gateway<br></p></body></html>'],
  ])('%s', (_, text) => {
    expectMalformed(text);
  });

  test('items before the error are already out; end() and write() keep throwing', () => {
    const items: XmlValue[] = [];
    const scanner = new XmlItemScanner(['r', 's', 'item'], (item) => items.push(item));
    scanner.write('<r><s><item>1</item><item>2</item>');
    expect(items).toEqual(['1', '2']);
    malformed(() => scanner.write('</r>'));
    malformed(() => scanner.write('</s></r>'));
    malformed(() => scanner.end());
  });

  test('a bad itemPath and use after end()', () => {
    expect(() => new XmlItemScanner(['r'], () => {})).toThrow(TypeError);
    const scanner = new XmlItemScanner(NONE, () => {});
    scanner.write('<r/>');
    expect(scanner.end()).toEqual({ r: '' });
    expect(() => scanner.write('x')).toThrow(TypeError);
    expect(() => scanner.end()).toThrow(TypeError);
  });
});

describe('differences from fast-xml-parser', () => {
  // These documents are not well-formed XML; fast-xml-parser v5 still returns something.
  test.each([
    ['a second root after a self-closing one', '<r/><s/>'],
    ['text after a self-closing root', '<r/>garbage'],
    ['CDATA outside the root', '<![CDATA[x]]><r/>'],
    ['an unknown <! construct', '<r><!foo>x</r>'],
    ['a DOCTYPE inside the root', '<r><!DOCTYPE r>x</r>'],
    ['the XML declaration inside the root', '<r><?xml version="1.0"?></r>'],
  ])('%s', (_, text) => {
    expect(() => parseXml(text)).not.toThrow();
    malformed(() => scanText(text, NONE, () => {}));
  });

  test('a DOCTYPE declaring entities: fast-xml-parser expands them, the scanner refuses it', () => {
    const text = '<!DOCTYPE r [<!ENTITY e "zz">]><r>&e;</r>';
    expect(parseXml(text)).toEqual({ r: 'zz' });
    malformed(() => scanText(text, NONE, () => {}));
  });
});

describe('streaming', () => {
  test('items come out as soon as their closing tag is read', () => {
    const items: XmlValue[] = [];
    const scanner = new XmlItemScanner(['*', 's', 'item'], (item) => items.push(item));
    scanner.write('<r><s><item><id>a</id></it');
    expect(items).toEqual([]);
    scanner.write('em><item>');
    expect(items).toEqual([{ id: 'a' }]);
    scanner.write('b</item></s><next>t</next></r>');
    expect(items).toEqual([{ id: 'a' }, 'b']);
    expect(scanner.end()).toEqual({ r: { s: '', next: 't' } });
  });

  test('scanStream decodes UTF-8 split inside characters', async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?><r><s><item>東京</item><item>🚀x</item><item>é</item></s></r>`;
    const bytes = new TextEncoder().encode(text);
    // Split after every byte of the first character of 東京 and in the middle of the 4-byte rocket.
    const start = bytes.indexOf(0xe6);
    const rocket = bytes.indexOf(0xf0);
    const cuts = [0, start + 1, start + 2, rocket + 1, rocket + 3, bytes.length - 5, bytes.length];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 1; i < cuts.length; i++) controller.enqueue(bytes.slice(cuts[i - 1], cuts[i]));
        controller.close();
      },
    });
    const items: XmlValue[] = [];
    const rest = await scanStream(stream, ['r', 's', 'item'], (item) => items.push(item));
    expect(items).toEqual(['東京', '🚀x', 'é']);
    expect(rest).toEqual({ r: { s: '' } });
  });

  test('scanStream with a byte order mark, one byte per chunk', async () => {
    const bytes = new TextEncoder().encode('\ufeff<r><s><item>値</item></s></r>');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const items: XmlValue[] = [];
    expect(await scanStream(stream, ['r', 's', 'item'], (item) => items.push(item))).toEqual({
      r: { s: '' },
    });
    expect(items).toEqual(['値']);
  });

  test('scanStream rejects a truncated body and cancels the stream', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<r><s><item>1</item>'));
        controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(scanStream(stream, NONE, () => {})).rejects.toMatchObject({
      code: 'MalformedXml',
    });
    expect(cancelled).toBe(false); // already fully read: nothing left to cancel
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('<r></r><s>'));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(scanStream(endless, NONE, () => {})).rejects.toMatchObject({
      code: 'MalformedXml',
    });
    expect(cancelled).toBe(true);
  });
});
