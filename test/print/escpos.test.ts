import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrinterConfigSchema, parsePrinterAddress } from '../../electron/print/address.js';
import type { Bitmap } from '../../electron/print/bitmap.js';
import { blockingReason, dleEot, isStatusByte, parseStatus, qrCommands, rasterBands } from '../../electron/print/escpos.js';
import { breakOpportunities, wrapText } from '../../electron/print/lineBreak.js';
import { asciiReference } from '../../electron/print/ticketData.js';

function bitmap(width: number, height: number): Bitmap {
  const bytesPerRow = width / 8;
  const data = new Uint8Array(bytesPerRow * height);
  for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
  return { width, height, bytesPerRow, data };
}

describe('ESC/POS commands', () => {
  it('splits the raster into GS v 0 bands of at most 256 rows, bytes unchanged', () => {
    const bm = bitmap(576, 700);
    const bands = rasterBands(bm);
    assert.deepEqual(
      bands.map((b) => b.readUInt16LE(6)),
      [256, 256, 188],
    );
    for (const b of bands) {
      assert.deepEqual([...b.subarray(0, 4)], [0x1d, 0x76, 0x30, 0]);
      assert.equal(b.readUInt16LE(4), 72);
    }
    assert.deepEqual(Buffer.concat(bands.map((b) => b.subarray(8))), Buffer.from(bm.data));
    assert.throws(() => rasterBands(bm, 257));
  });

  it('GS ( k declares the UTF-8 byte length of the QR data, not the string length', () => {
    const data = 'A012 前面';
    const cmd = qrCommands(data);
    const store = cmd.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), 21); // after model/size/ecc (3 × 8 bytes)
    assert.equal(cmd.readUInt16LE(store + 3), Buffer.byteLength(data) + 3);
    assert.deepEqual([...cmd.subarray(store + 5, store + 8)], [49, 80, 48]);
    assert.equal(cmd.subarray(store + 8, store + 8 + Buffer.byteLength(data)).toString('utf8'), data);
    // model 2 command: pL = 4 (cn, fn, n1, n2)
    assert.deepEqual([...cmd.subarray(0, 9)], [0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0]);
  });

  it('reads DLE EOT answers: offline, cover open, paper out, near end', () => {
    assert.deepEqual([...dleEot(4)], [0x10, 0x04, 4]);
    assert.equal(isStatusByte(0x12), true);
    assert.equal(isStatusByte(0x00), false);
    assert.equal(blockingReason(parseStatus(0x12, 0x12, 0x12)), null);
    assert.equal(blockingReason(parseStatus(0x1a, 0x16, 0x12)), 'cover_open');
    assert.equal(blockingReason(parseStatus(0x1a, 0x32, 0x72)), 'paper_out');
    assert.equal(blockingReason(parseStatus(0x12, 0x12, 0x72)), 'paper_out');
    assert.equal(blockingReason(parseStatus(0x1a, 0x12, 0x12)), 'offline');
    assert.equal(parseStatus(0x12, 0x12, 0x1e).paperNearEnd, true);
    assert.throws(() => parseStatus(0xff, 0x12, 0x12));
  });
});

describe('printer addresses', () => {
  it('parses tcp:// and device paths, refuses the rest', () => {
    assert.deepEqual(parsePrinterAddress('tcp://192.168.1.50'), { kind: 'tcp', host: '192.168.1.50', port: 9100, text: 'tcp://192.168.1.50:9100' });
    assert.equal(parsePrinterAddress('tcp://printer.local:9101')?.text, 'tcp://printer.local:9101');
    assert.equal(parsePrinterAddress('tcp://[::1]:9100')?.kind, 'tcp');
    assert.deepEqual(parsePrinterAddress('/dev/usb/lp0'), { kind: 'device', path: '/dev/usb/lp0', text: '/dev/usb/lp0' });
    assert.equal(parsePrinterAddress('com3')?.text, 'COM3');
    for (const bad of ['tcp://', 'tcp://host:0', 'tcp://host:70000', 'http://host', 'lp0', '/dev/../etc/passwd', '']) {
      assert.equal(parsePrinterAddress(bad), null, bad);
    }
    assert.equal(PrinterConfigSchema.safeParse({ address: '', paperWidth: 384 }).data?.address, null);
    assert.equal(PrinterConfigSchema.safeParse({ address: 'tcp://x', paperWidth: 500 }).success, false);
  });

  it('keeps the QR reference ASCII whatever the id holds', () => {
    assert.equal(asciiReference(['HK1', 'A012', 'id-ཀ']), 'HK1:A012:id-%E0%BD%80');
  });
});

describe('line breaking', () => {
  const byChars = (s: string): number => [...s].length;
  it('Tibetan breaks after tsheg and shad only', () => {
    assert.deepEqual(breakOpportunities('བཀྲ་ཤིས་བདེ་ལེགས། ཡིན།', 'bo'), ['བཀྲ་', 'ཤིས་', 'བདེ་', 'ལེགས། ', 'ཡིན།']);
  });
  it('Uyghur breaks at spaces', () => {
    assert.deepEqual(wrapText('بۇ بېلەتنى ساقلاڭ', 'ug', 8, byChars), ['بۇ', 'بېلەتنى', 'ساقلاڭ']);
  });
  it('Chinese breaks between characters but keeps closing punctuation', () => {
    assert.deepEqual(wrapText('请保留此票，留意叫号', 'zh', 5, byChars), ['请保留此', '票，留意叫', '号']);
    assert.deepEqual(wrapText('请保留此票，留意叫号', 'zh', 6, byChars), ['请保留此票，', '留意叫号']);
  });
  it('cuts an over-long piece between grapheme clusters, never inside a stack', () => {
    const lines = wrapText('བསྒྲུབསབསྒྲུབས', 'bo', 6, byChars);
    assert.equal(lines.join(''), 'བསྒྲུབསབསྒྲུབས');
    for (const l of lines) assert.doesNotMatch(l, /^[\u0F90-\u0FBC]/u, 'a line starts with a subjoined letter');
  });
});
