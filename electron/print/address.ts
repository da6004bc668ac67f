// A printer address is tcp://host[:port] (port 9100 by default) or a device file
// (/dev/usb/lp0 on Linux, COM3 or LPT1 on Windows). Parsed once, so the transport never
// guesses from a string.
import { z } from 'zod';

export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number; text: string }
  | { kind: 'device'; path: string; text: string };

const TCP = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;
const WINDOWS_PORT = /^(?:\\\\\.\\)?(COM[1-9]\d{0,2}|LPT[1-9])$/i;

export function parsePrinterAddress(text: string): PrinterAddress | null {
  const t = text.trim();
  const tcp = TCP.exec(t);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65535) return null;
    const host = tcp[1]!.replace(/^\[|\]$/g, '');
    return { kind: 'tcp', host, port, text: `tcp://${tcp[1]}:${port}` };
  }
  const win = WINDOWS_PORT.exec(t);
  if (win) return { kind: 'device', path: `\\\\.\\${win[1]!.toUpperCase()}`, text: win[1]!.toUpperCase() };
  // Absolute POSIX path without '..' or NUL: the device check happens when printing.
  if (/^\/[^\0]*$/.test(t) && !t.split('/').includes('..') && t.length <= 255) return { kind: 'device', path: t, text: t };
  return null;
}

/** Body of PUT /api/printer. An empty or null address means "no printer". */
export const PrinterConfigSchema = z.object({
  address: z
    .string()
    .max(300)
    .nullable()
    .transform((s) => (s === null || s.trim() === '' ? null : s.trim()))
    .refine((s) => s === null || parsePrinterAddress(s) !== null, {
      message: 'Use tcp://host:port or a device path such as /dev/usb/lp0 or COM3.',
    }),
  paperWidth: z.union([z.literal(576), z.literal(384)]),
});
export type PrinterConfig = z.infer<typeof PrinterConfigSchema>;
